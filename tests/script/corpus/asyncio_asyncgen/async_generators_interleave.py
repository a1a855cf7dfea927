# Two async generators consumed by two tasks interleave at each await.
import asyncio

async def source(name, n):
    for i in range(n):
        yield f"{name}{i}"
        await asyncio.sleep(0)

async def drain(name, n):
    async for item in source(name, n):
        print(item)

async def main():
    await asyncio.gather(drain("a", 3), drain("b", 3))

asyncio.run(main())
