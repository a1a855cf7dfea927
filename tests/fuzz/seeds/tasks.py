import asyncio
async def worker(q, n):
    for i in range(n):
        await q.put(i)
        await asyncio.sleep(0.01)
async def main():
    q = asyncio.Queue(maxsize=2)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker(q, 5))
        t = tg.create_task(asyncio.sleep(1))
        for _ in range(5):
            print(await asyncio.wait_for(q.get(), 1))
        t.cancel()
    async def agen():
        for i in range(3):
            yield i
    print([x async for x in agen()])
asyncio.run(main())
