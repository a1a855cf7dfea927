# A long sleep cut short by cancellation ends at the cancel time.
import asyncio

async def sleeper():
    await asyncio.sleep(5)

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    t = asyncio.create_task(sleeper())
    loop.call_later(0.1, t.cancel)
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled after", round(loop.time() - t0, 1), "s")

asyncio.run(main())
