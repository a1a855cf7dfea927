# put() blocks while a bounded queue is full.
import asyncio

async def producer(q):
    for i in range(4):
        print("putting", i, "qsize", q.qsize())
        await q.put(i)
    print("producer done")

async def consumer(q):
    await asyncio.sleep(0.05)
    for _ in range(4):
        print("took", await q.get())
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "full", q.full())
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
