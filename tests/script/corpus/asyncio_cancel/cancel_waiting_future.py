# Cancelling a task cancels the future it waits on.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def waiter():
        return await fut
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("future cancelled:", fut.cancelled(), "task done:", t.done())
    await asyncio.sleep(0)
    print("task cancelled:", t.cancelled())

asyncio.run(main())
