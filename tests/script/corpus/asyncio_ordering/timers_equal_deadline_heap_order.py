# skip-interp: aio fires equal deadlines in scheduling order (issue 2 §3, DESIGN.md); CPython's heapq may not
# Timers live in a binary heap (heapq) that compares deadlines only, so timers
# with equal deadlines do not always fire in scheduling order: with more than
# three of them, or with other timers mixed in, the heap's shape decides.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    when = loop.time() + 0.05
    for name in ["first", "second", "third"]:
        loop.call_at(when, print, "timer", name)
    loop.call_at(when - 0.02, print, "earlier timer")
    loop.call_at(when + 0.02, done.set_result, None)
    loop.call_at(when, print, "fourth, same deadline")
    await done
    print("all timers fired")

asyncio.run(main())
