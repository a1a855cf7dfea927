# Awaiting a coroutine later vs starting it early with ensure_future.
import asyncio

async def speak():
    print("C")
    await asyncio.sleep(0.1)
    return "D"

async def run_later():
    will_speak = speak()
    print("A")
    print("B")
    print(await will_speak)

async def run_early():
    will_speak = asyncio.ensure_future(speak())
    await asyncio.sleep(0.05)
    print("A")
    print("B")
    print(await will_speak)

loop = asyncio.get_event_loop()
loop.run_until_complete(run_later())
print("---")
loop.run_until_complete(run_early())
