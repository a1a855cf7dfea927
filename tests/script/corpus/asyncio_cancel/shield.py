# shield protects the inner task from the outer cancellation.
import asyncio

async def important():
    await asyncio.sleep(0.1)
    print("important work completed")
    return "saved"

async def caller(inner):
    return await asyncio.shield(inner)

async def main():
    inner = asyncio.create_task(important())
    outer = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.02)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    print("inner result:", await inner)

asyncio.run(main())
