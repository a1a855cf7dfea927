# An async generator yields values across awaits; async for drives it.
import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def main():
    async for value in ticker(3, 0.01):
        print("tick", value)
    gen = ticker(1, 0)
    print(type(gen).__name__)
    async for v in gen:
        print("single", v)
    async for v in ticker(0, 0):
        print("never")
    else:
        print("for-else runs after an empty async for")

asyncio.run(main())
