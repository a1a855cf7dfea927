# A Future is a placeholder completed by set_result; awaiting it yields the value.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut.done(), fut.cancelled())
    loop.call_later(0.05, fut.set_result, "payload")
    print("waiting...")
    print(await fut, fut.done(), fut.result())
    print(await fut)
    other = asyncio.Future()
    other.set_result(1)
    print(other.result(), other.get_loop() is loop)

asyncio.run(main())
