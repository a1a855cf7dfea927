# asyncio.sleep can hand back a result value.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(0, result="instant"))
    print(await asyncio.sleep(0.1, "delayed"), tenths(loop.time() - t0))
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(-1, result="negative delay is like zero"))

asyncio.run(main())
