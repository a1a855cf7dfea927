# The aiter() and anext() builtins, with and without a default.
import asyncio

async def letters():
    for ch in "ab":
        yield ch

async def main():
    it = aiter(letters())
    print(await anext(it), await anext(it))
    print(await anext(it, "default"))
    it2 = letters()
    await anext(it2)
    await anext(it2)
    try:
        await anext(it2)
    except StopAsyncIteration:
        print("StopAsyncIteration")

asyncio.run(main())
