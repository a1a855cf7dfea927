# repr of a task in each state (file names print relative to the script's folder).
import asyncio

async def work(x):
    await asyncio.sleep(0.05)
    return x * 2

async def fail():
    raise ValueError("broken")

async def main():
    t = asyncio.create_task(work(21))
    print(t)
    await asyncio.sleep(0)
    print(t)
    await t
    print(t)
    f = asyncio.create_task(fail())
    await asyncio.sleep(0)
    print(f)
    print(repr(f.exception()))
    c = asyncio.create_task(work(1), name="victim")
    c.cancel()
    print(c)
    await asyncio.sleep(0)
    print(c)

asyncio.run(main())
