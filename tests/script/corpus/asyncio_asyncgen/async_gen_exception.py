# An exception inside an async generator propagates to the async for.
import asyncio

async def flaky():
    yield 1
    yield 2
    raise RuntimeError("source failed")

async def main():
    try:
        async for v in flaky():
            print("value", v)
    except RuntimeError as e:
        print("caught:", e)

asyncio.run(main())
