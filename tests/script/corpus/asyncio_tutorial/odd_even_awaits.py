# Awaiting stored coroutines in a chosen order: even indexes first, then odd.
import asyncio

async def meow(number):
    print(f"starting {number}")
    await asyncio.sleep(0.01)
    print(f"stopping {number}")

async def run():
    f = []
    for x in range(1, 6):
        f.append(meow(x))
    for x, y in enumerate(f):
        if x % 2 == 0:
            await y
    for x, y in enumerate(f):
        if x % 2 != 0:
            await y

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
