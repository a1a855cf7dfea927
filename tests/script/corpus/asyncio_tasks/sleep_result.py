# asyncio.sleep can hand back a result value.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(0, result="instant"))
    print(await asyncio.sleep(0.1, "delayed"), round(loop.time() - t0, 1))
    print(await asyncio.sleep(0))
    print(await asyncio.sleep(-1, result="negative delay is like zero"))

asyncio.run(main())
