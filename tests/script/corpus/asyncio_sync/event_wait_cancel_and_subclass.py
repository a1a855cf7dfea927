# Event.wait(): a cancelled waiter leaves _waiters; set() wakes the rest with
# True; a subclass sees the calls wait() makes; a wait() is a coroutine
# that can be awaited once.
import asyncio

async def waiter(ev, name, log):
    try:
        r = await ev.wait()
        log.append((name, r))
    except asyncio.CancelledError:
        log.append((name, "cancelled", len(ev._waiters)))
        raise

class LoggingEvent(asyncio.Event):
    def _get_loop(self):
        print("LoggingEvent._get_loop")
        return super()._get_loop()

async def main():
    ev = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(ev, n, log)) for n in "abc"]
    await asyncio.sleep(0)
    print("waiting:", len(ev._waiters))
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("after cancel:", len(ev._waiters))
    ev.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(log)
    print("after set:", len(ev._waiters), tasks[1].cancelled())

    sub = LoggingEvent()
    t = asyncio.create_task(sub.wait())
    await asyncio.sleep(0)
    sub.set()
    print("subclass:", await t)
    print("set already:", await sub.wait())

    coro = ev.wait()
    print(asyncio.iscoroutine(coro), type(coro).__name__)
    print(await coro)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)

    try:
        await asyncio.wait_for(asyncio.Event().wait(), 0.01)
    except asyncio.TimeoutError:
        print("timed out")

asyncio.run(main())
