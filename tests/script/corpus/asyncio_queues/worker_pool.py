# A fixed pool of workers drains a queue of jobs; results keep job order via indices.
import asyncio

async def worker(name, jobs, results):
    while True:
        index, value = await jobs.get()
        await asyncio.sleep(0.04 * value)
        results[index] = value * value
        print(f"{name} squared {value}")
        jobs.task_done()

async def main():
    jobs = asyncio.Queue()
    values = [5, 1, 2]
    results = [None] * len(values)
    for i, v in enumerate(values):
        jobs.put_nowait((i, v))
    pool = [asyncio.create_task(worker(f"worker-{k}", jobs, results)) for k in range(2)]
    await jobs.join()
    print(results)
    for t in pool:
        t.cancel()
    await asyncio.gather(*pool, return_exceptions=True)

asyncio.run(main())
