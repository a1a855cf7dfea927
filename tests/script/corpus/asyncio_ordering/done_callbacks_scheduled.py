# Done callbacks run on a later iteration, in registration order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    fut.add_done_callback(lambda f: print("callback 2"))
    fut.set_result(42)
    print("set_result returned; callbacks pending")
    fut.add_done_callback(lambda f: print("callback 3, added after completion"))
    await asyncio.sleep(0)
    print("after one iteration")

asyncio.run(main())
