# A long sleep cut short by cancellation ends at the cancel time.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

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
        print("cancelled after", tenths(loop.time() - t0), "s")

asyncio.run(main())
