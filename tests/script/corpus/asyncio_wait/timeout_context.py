# asyncio.timeout() cancels the block and turns the cancellation into TimeoutError.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.1) as cm:
            print("inside, expired =", cm.expired())
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("TimeoutError after", tenths(loop.time() - t0), "expired =", cm.expired())
    async with asyncio.timeout(0.2) as cm2:
        await asyncio.sleep(0.05)
    print("finished in time, expired =", cm2.expired())
    async with asyncio.timeout(None) as cm3:
        await asyncio.sleep(0)
    print("no deadline:", cm3.when())

asyncio.run(main())
