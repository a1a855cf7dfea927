# On timeout wait_for cancels the inner awaitable and raises TimeoutError.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def slow():
    try:
        await asyncio.sleep(1)
        return "never"
    except asyncio.CancelledError:
        print("slow() was cancelled by wait_for")
        raise

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow(), timeout=0.1)
    except asyncio.TimeoutError as e:
        print("timed out after", tenths(loop.time() - t0), repr(e))
    print(asyncio.TimeoutError is TimeoutError)
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0.05)
    except TimeoutError:
        print("task cancelled:", t.cancelled())

asyncio.run(main())
