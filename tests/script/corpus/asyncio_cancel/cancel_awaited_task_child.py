# Cancelling a task that awaits another task cancels that task too.
import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("child cancelled")
        raise

async def parent():
    c = asyncio.create_task(child())
    try:
        await c
    except asyncio.CancelledError:
        print("parent cancelled; child.cancelled() =", c.cancelled())
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    await asyncio.gather(p, return_exceptions=True)
    print("parent cancelled:", p.cancelled())

asyncio.run(main())
