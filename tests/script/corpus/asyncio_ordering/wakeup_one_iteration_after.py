# A task waiting on a future resumes one iteration after the future completes:
# done callbacks are scheduled, not called inline.
import asyncio

def tick(loop, n):
    print("tick", n)
    if n < 3:
        loop.call_soon(tick, loop, n + 1)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(tick, loop, 0)
    loop.call_soon(fut.set_result, "value")
    print("awaiting the future")
    result = await fut
    print("main resumed with", result)
    await asyncio.sleep(0)
    await asyncio.sleep(0)

asyncio.run(main())
