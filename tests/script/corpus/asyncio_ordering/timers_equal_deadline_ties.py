# skip-interp: aio fires equal deadlines in scheduling order (issue 2 §3, DESIGN.md); CPython's heapq may not
# Timers sit in a heapq heap ordered by deadline alone. Two timers sharing a
# deadline fire in scheduling order, but with more entries in the heap (here
# main's own sleep timer) heapq's tie-breaking can swap equal deadlines.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.05
    loop.call_at(when, print, "first")
    loop.call_at(when, print, "second")
    loop.call_at(when, print, "third")
    await asyncio.sleep(0.1)
    later = loop.time() + 0.05
    loop.call_at(later, print, "fourth")
    loop.call_at(later, print, "fifth")
    await asyncio.sleep(0.1)
    print("done")

asyncio.run(main())
