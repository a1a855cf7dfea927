# time.monotonic and loop.time move together across asyncio.sleep.
import asyncio
import time

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def main():
    loop = asyncio.get_running_loop()
    t_loop = loop.time()
    t_mono = time.monotonic()
    await asyncio.sleep(0.2)
    d_loop = loop.time() - t_loop
    d_mono = time.monotonic() - t_mono
    print(tenths(d_loop), tenths(d_mono), abs(d_loop - d_mono) < 0.05)
asyncio.run(main())
