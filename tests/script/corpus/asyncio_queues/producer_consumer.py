# A Queue hands items from a producer to a consumer in FIFO order.
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(f"item-{i}")
        print("put", i)
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print("got", item)

async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q, 3), consumer(q))
    print("empty:", q.empty())

asyncio.run(main())
