# Due timers join the ready queue behind the callbacks already there.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon 1")
    loop.call_later(0, print, "later 0")
    loop.call_later(-1, print, "later -1")
    loop.call_soon(print, "soon 2")
    await asyncio.sleep(0)
    print("main after one iteration")
    await asyncio.sleep(0)
    print("main after two iterations")

asyncio.run(main())
