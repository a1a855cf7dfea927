# set_exception makes awaiting (and result()) raise; exception() returns it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(ValueError("failed future"))
    print(fut.done(), repr(fut.exception()))
    try:
        await fut
    except ValueError as e:
        print("await raised", repr(e))
    try:
        fut.result()
    except ValueError as e:
        print("result raised", repr(e))
    f2 = loop.create_future()
    f2.set_exception(KeyError)
    print("class is instantiated:", repr(f2.exception()))
    f3 = loop.create_future()
    try:
        f3.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)
    f3.cancel()

asyncio.run(main())
