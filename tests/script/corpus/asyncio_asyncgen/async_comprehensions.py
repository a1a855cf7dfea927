# Async comprehensions: async for and await inside list/set/dict comprehensions.
import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(x):
    await asyncio.sleep(0)
    return 2 * x

async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(6) if x % 2])
    print(sorted({x % 3 async for x in numbers(7)}))
    print({x: x * x async for x in numbers(3)})
    print([await double(x) for x in range(4)])
    print([await double(x) async for x in numbers(3)])
    gen = (x + 100 async for x in numbers(2))
    print([v async for v in gen])

asyncio.run(main())
