# set_exception_handler receives a context dict for errors the loop cannot raise.
import asyncio

def handler(loop, context):
    print("handler:", context["message"])
    print("  exception:", repr(context.get("exception")))
    print("  keys:", sorted(context))

def broken_callback():
    raise ZeroDivisionError("in a callback")

async def doomed():
    raise KeyError("in a task")

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(broken_callback)
    t = asyncio.create_task(doomed())
    await asyncio.sleep(0.01)
    del t
    loop.call_exception_handler({"message": "reported by hand"})
    print("loop keeps running")

asyncio.run(main())
