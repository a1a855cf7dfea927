# On timeout wait_for cancels the inner awaitable and raises TimeoutError.
import asyncio

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
        print("timed out after", round(loop.time() - t0, 1), repr(e))
    print(asyncio.TimeoutError is TimeoutError)
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0.05)
    except TimeoutError:
        print("task cancelled:", t.cancelled())

asyncio.run(main())
