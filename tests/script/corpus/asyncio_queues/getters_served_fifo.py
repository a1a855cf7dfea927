# Consumers blocked on get() are served in the order they started waiting.
import asyncio

async def consumer(name, q):
    item = await q.get()
    print(name, "received", item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(consumer(n, q)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0)
    for item in ["first", "second", "third"]:
        await q.put(item)
        print("put", item)
    await asyncio.gather(*tasks)

asyncio.run(main())
