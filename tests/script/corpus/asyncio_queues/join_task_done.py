# join() waits until task_done() was called for every item put.
import asyncio

async def worker(name, q):
    while True:
        job = await q.get()
        await asyncio.sleep(job)
        print(name, "finished job", job)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for job in (0.05, 0.01, 0.1, 0.02):
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("all jobs done; queue empty:", q.empty())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("workers stopped")

asyncio.run(main())
