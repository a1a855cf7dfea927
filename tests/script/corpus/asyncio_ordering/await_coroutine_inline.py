# Awaiting a coroutine runs it inline; no other task runs until something suspends.
import asyncio

async def helper(tag):
    print("helper", tag)
    return tag.upper()

async def background():
    print("background task runs")

async def main():
    asyncio.create_task(background())
    r1 = await helper("one")
    r2 = await helper("two")
    print("got", r1, r2, "before background ran")
    await asyncio.sleep(0)
    print("main after yielding")

asyncio.run(main())
