# cancel() returns False once the task is done.
import asyncio

async def quick():
    return 1

async def slow():
    await asyncio.sleep(1)

async def main():
    q = asyncio.create_task(quick())
    await q
    print("cancel finished task:", q.cancel(), q.cancelled())
    s = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print("cancel pending task:", s.cancel(), s.cancelling())
    print("cancel again:", s.cancel(), s.cancelling())
    await asyncio.sleep(0)
    print("done:", s.done(), s.cancelled(), "cancel after done:", s.cancel())

asyncio.run(main())
