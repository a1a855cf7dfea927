# create_task schedules the task's first step; it does not run it immediately.
import asyncio

async def child(n):
    print("child", n, "starts")
    return n

async def main():
    t1 = asyncio.create_task(child(1))
    t2 = asyncio.create_task(child(2))
    print("tasks created, not started:", t1.done(), t2.done())
    print("main still running")
    await asyncio.sleep(0)
    print("after one iteration:", t1.done(), t2.done(), t1.result(), t2.result())

asyncio.run(main())
