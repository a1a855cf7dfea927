# shield of a finished awaitable returns at once; cancelling the inner task still cancels.
import asyncio

async def value():
    return "v"

async def long():
    await asyncio.sleep(1)

async def main():
    print(await asyncio.shield(value()))
    inner = asyncio.create_task(long())
    shielded = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("the shield was cancelled because the inner task was")
    print(inner.cancelled(), shielded.cancelled())

asyncio.run(main())
