# Cancelling a future: cancelled() is True and result() raises CancelledError.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback: cancelled =", f.cancelled()))
    print(fut.cancel("no longer needed"), fut.cancel())
    print(fut.done(), fut.cancelled())
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("result raised", repr(e))
    try:
        fut.exception()
    except asyncio.CancelledError:
        print("exception() raises CancelledError too")
    await asyncio.sleep(0)

asyncio.run(main())
