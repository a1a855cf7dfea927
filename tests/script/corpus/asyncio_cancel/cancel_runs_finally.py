# Cancellation arrives as CancelledError at the await; finally blocks clean up.
import asyncio

async def worker():
    print("acquire resource")
    try:
        for i in range(10):
            print("working", i)
            await asyncio.sleep(0)
    finally:
        print("release resource")

async def main():
    t = asyncio.create_task(worker())
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
