# call_soon callbacks run in the order they were scheduled.
import asyncio

def callback(name):
    print("callback", name)

async def main():
    loop = asyncio.get_running_loop()
    for name in "abcde":
        loop.call_soon(callback, name)
    print("all scheduled, none run yet")
    await asyncio.sleep(0)
    print("main resumes after them")

asyncio.run(main())
