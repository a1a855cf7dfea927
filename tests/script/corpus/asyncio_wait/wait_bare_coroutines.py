# skip-interp: aio-py accepts bare coroutines in wait(), as CPython 3.8-3.10 did
# CPython 3.11 refuses coroutines in wait(); tasks must be created explicitly.
import asyncio

async def job():
    return 1

async def main():
    coros = [job(), job()]
    try:
        await asyncio.wait(coros)
    except TypeError as e:
        print("TypeError:", e)
    for c in coros:
        c.close()

asyncio.run(main())
