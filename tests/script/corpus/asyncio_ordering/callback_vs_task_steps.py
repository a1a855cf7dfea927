# Task steps and plain callbacks share one FIFO ready queue.
import asyncio

async def task_body(name):
    print("task", name, "step 1")
    await asyncio.sleep(0)
    print("task", name, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback A")
    asyncio.create_task(task_body("X"))
    loop.call_soon(print, "callback B")
    asyncio.create_task(task_body("Y"))
    loop.call_soon(print, "callback C")
    await asyncio.sleep(0)
    print("main 1")
    await asyncio.sleep(0)
    print("main 2")

asyncio.run(main())
