# A future completes once; result() before completion is an error.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.set_result(1)
    for attempt in (lambda: fut.set_result(2), lambda: fut.set_exception(ValueError())):
        try:
            attempt()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    print(fut.result(), fut.cancel())

asyncio.run(main())
