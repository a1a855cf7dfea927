# Timeouts.
# wait_for(aw, seconds) waits for one awaitable but gives up after the deadline: it cancels
# the work and raises TimeoutError. `async with asyncio.timeout(seconds)` (new in 3.11) puts
# a deadline on a whole block of awaits. Either way the late work sees CancelledError at the
# await where it was waiting, so it can clean up.
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
