# Several producers and consumers sharing a queue, with seeded random item counts.
# Producers yield with sleep(0) between items, so the interleaving is decided by
# loop iterations alone.
import asyncio
import random

async def produce(name, q, count):
    for i in range(count):
        await asyncio.sleep(0)
        item = f"{name}-{i}"
        await q.put(item)
        print(f"Producer {name} added <{item}> to queue.")

async def consume(name, q, seen):
    while True:
        item = await q.get()
        seen.append(item)
        print(f"Consumer {name} got element <{item}>")
        await asyncio.sleep(0)
        q.task_done()

async def main():
    random.seed(7)
    q = asyncio.Queue()
    seen = []
    counts = [random.randint(1, 4) for _ in range(3)]
    print("items per producer:", counts)
    producers = [asyncio.create_task(produce(n, q, c)) for n, c in zip("abc", counts)]
    consumers = [asyncio.create_task(consume(n, q, seen)) for n in range(2)]
    await asyncio.gather(*producers)
    await q.join()
    for c in consumers:
        c.cancel()
    print(sorted(seen))

asyncio.run(main())
