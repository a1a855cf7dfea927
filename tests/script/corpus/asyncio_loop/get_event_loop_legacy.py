# The pre-3.7 idiom: get_event_loop() at top level, then run_until_complete.
import asyncio

async def speak():
    print("Hey!")

async def run():
    await speak()

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
print(asyncio.get_event_loop() is loop)
loop.run_until_complete(run())
