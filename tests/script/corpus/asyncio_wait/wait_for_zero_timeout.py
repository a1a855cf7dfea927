# A zero timeout fails unless the awaitable is already done.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result("ready")
    print(await asyncio.wait_for(fut, 0))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0)
    except asyncio.TimeoutError:
        print("timeout with 0")

asyncio.run(main())
