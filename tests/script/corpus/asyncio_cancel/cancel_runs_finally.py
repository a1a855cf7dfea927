# Cancellation arrives as CancelledError at the await; finally blocks clean up.
import asyncio

async def worker():
    print("acquire resource")
    try:
        for i in range(10):
            print("working", i)
            await asyncio.sleep(0.05)
    finally:
        print("release resource")

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.12)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled(), "at", round(loop.time() - t0, 1))

asyncio.run(main())
