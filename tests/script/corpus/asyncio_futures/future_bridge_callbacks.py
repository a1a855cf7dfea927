# Futures bridge callback-style code to await.
import asyncio

def fetch_with_callback(loop, key, on_done):
    loop.call_later(0.02 * len(key), on_done, f"value-of-{key}")

async def fetch(key):
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fetch_with_callback(loop, key, fut.set_result)
    return await fut

async def main():
    print(await fetch("a"))
    print(await asyncio.gather(fetch("long"), fetch("mid"), fetch("s")))

asyncio.run(main())
