# A task awaiting another task resumes one iteration after the other one finishes.
import asyncio

def tick(loop, n):
    print("tick", n)
    if n < 4:
        loop.call_soon(tick, loop, n + 1)

async def child():
    print("child step 1")
    await asyncio.sleep(0)
    print("child step 2, returning")
    return "child result"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(child())
    loop.call_soon(tick, loop, 0)
    print("main awaits child")
    print("main got", await t)

asyncio.run(main())
