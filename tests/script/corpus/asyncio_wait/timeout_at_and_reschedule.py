# timeout_at takes an absolute loop time; reschedule moves the deadline.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout_at(t0 + 0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired at", tenths(loop.time() - t0))
    t1 = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled timeout fired at", tenths(loop.time() - t1))

asyncio.run(main())
