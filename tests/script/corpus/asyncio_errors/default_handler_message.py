# call_exception_handler with the default handler logs to stderr.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.call_exception_handler({"message": "something odd happened"})
    print("continuing")

asyncio.run(main())
