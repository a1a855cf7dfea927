# wait() returns (done, pending) sets once every task finishes.
import asyncio

async def job(n):
    await asyncio.sleep(0.01 * n)
    return n * n

async def main():
    tasks = [asyncio.create_task(job(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending), sorted(t.result() for t in done))
    print(type(done).__name__, done == set(tasks))

asyncio.run(main())
