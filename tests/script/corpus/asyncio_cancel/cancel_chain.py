# Cancelling a task cancels whatever its await chain is waiting on.
import asyncio

async def innermost():
    try:
        await asyncio.sleep(1)
    finally:
        print("innermost cleanup")

async def middle():
    try:
        await innermost()
    finally:
        print("middle cleanup")

async def outer():
    try:
        await middle()
    except asyncio.CancelledError:
        print("outer saw CancelledError")
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled =", t.cancelled())

asyncio.run(main())
