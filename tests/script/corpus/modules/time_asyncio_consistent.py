# time.monotonic and loop.time move together across asyncio.sleep.
import asyncio
import time
async def main():
    loop = asyncio.get_running_loop()
    t_loop = loop.time()
    t_mono = time.monotonic()
    await asyncio.sleep(0.2)
    d_loop = loop.time() - t_loop
    d_mono = time.monotonic() - t_mono
    print(round(d_loop, 1), round(d_mono, 1), abs(d_loop - d_mono) < 0.05)
asyncio.run(main())
