# A plain Future holding an unretrieved exception is reported when destroyed.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(ConnectionError("peer went away"))
    del fut
    print("future dropped")

asyncio.run(main())
