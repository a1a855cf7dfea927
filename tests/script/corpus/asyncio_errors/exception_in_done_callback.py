# An exception raised by a done callback goes to the exception handler, not the awaiter.
import asyncio

def bad_callback(fut):
    raise RuntimeError("callback failed")

def handler(loop, context):
    print("handler got:", repr(context["exception"]))

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    fut = loop.create_future()
    fut.add_done_callback(bad_callback)
    fut.set_result("ok")
    print("await still works:", await fut)
    await asyncio.sleep(0)

asyncio.run(main())
