# A cancelled handle never runs; the others keep their order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, "one")
    h2 = loop.call_soon(print, "two (cancelled)")
    h3 = loop.call_later(0.05, print, "timer (cancelled)")
    loop.call_soon(print, "three")
    h2.cancel()
    h3.cancel()
    print(h1.cancelled(), h2.cancelled(), h3.cancelled())
    await asyncio.sleep(0.1)
    print("done")

asyncio.run(main())
