# Timeouts.
# wait_for() and `async with asyncio.timeout()` (3.11) put a deadline on awaits. Both work by
# cancelling the late work, then turn that cancellation into TimeoutError for the caller.
import asyncio


async def brew(drink, seconds):
    print("  brewing", drink)
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("  brewing", drink, "was cancelled")
        raise  # let the cancellation finish; wait_for turns it into TimeoutError
    print("  served", drink)
    return drink


async def main():
    loop = asyncio.get_running_loop()

    print("== wait_for, in time")
    print("got", await asyncio.wait_for(brew("espresso", 0.1), timeout=0.3))

    print("== wait_for, too slow")
    start = loop.time()
    try:
        await asyncio.wait_for(brew("cold brew", 0.5), timeout=0.2)
    except TimeoutError:
        # In 3.11 asyncio.TimeoutError is the built-in TimeoutError; older code caught
        # asyncio.TimeoutError, which still works as the same class.
        print("TimeoutError after", f"{loop.time() - start:.1f}", "s")

    print("== asyncio.timeout around a block")
    start = loop.time()
    try:
        async with asyncio.timeout(0.3):
            await brew("tea", 0.1)    # 0.1 s used, 0.2 s left
            await brew("cocoa", 0.4)  # would end at 0.5 s: the deadline hits first
            print("never printed")
    except TimeoutError:
        print("TimeoutError after", f"{loop.time() - start:.1f}", "s")


asyncio.run(main())
