# sleep(0) yields for exactly one iteration, so two loops alternate.
import asyncio

async def worker(name, steps):
    for i in range(steps):
        print(name, i)
        await asyncio.sleep(0)
    print(name, "finished")

async def main():
    await asyncio.gather(worker("A", 3), worker("B", 2), worker("C", 1))

asyncio.run(main())
