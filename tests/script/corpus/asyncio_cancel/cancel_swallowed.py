# A task that catches CancelledError and returns is not cancelled.
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught the cancellation, returning normally")
    return "finished anyway"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t)
    print("cancelled?", t.cancelled(), "cancelling count:", t.cancelling())

asyncio.run(main())
