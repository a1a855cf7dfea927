# Coroutines run one after another in the order they are awaited.
import asyncio

async def meow(number):
    print(f"starting {number}")
    await asyncio.sleep(0.02)
    print(f"stopping {number}")

async def run():
    a = meow(1)
    b = meow(2)
    c = meow(3)
    d = meow(4)
    e = meow(5)
    await c
    await a
    await e
    await b
    await d

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
