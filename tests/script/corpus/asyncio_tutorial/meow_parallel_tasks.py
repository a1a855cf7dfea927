# ensure_future starts every coroutine; wait() then waits for all of them.
import asyncio

async def meow(number):
    print(f"starting {number}")
    await asyncio.sleep(0.1)
    print(f"stopping {number}")

async def run():
    f = []
    for x in range(1, 6):
        f.append(asyncio.ensure_future(meow(x)))
    await asyncio.wait(f)

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
