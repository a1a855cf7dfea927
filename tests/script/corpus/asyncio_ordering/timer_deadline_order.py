# call_later callbacks fire in deadline order, whatever the order of scheduling.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    def report(name):
        print(name, tenths(loop.time() - t0))
    loop.call_later(0.2, report, "c at 0.2")
    loop.call_later(0.1, report, "b at 0.1")
    loop.call_later(0.0, report, "a at 0.0")
    await asyncio.sleep(0.3)
    print("main woke at", tenths(loop.time() - t0))

asyncio.run(main())
