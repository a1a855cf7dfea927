# A waiter cancelled while queued for a lock gives up its place.
import asyncio

async def holder(lock):
    async with lock:
        await asyncio.sleep(0.2)
        print("holder releases")

async def contender(name, lock):
    try:
        async with lock:
            print(name, "got the lock")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    a = asyncio.create_task(contender("a", lock))
    b = asyncio.create_task(contender("b", lock))
    await asyncio.sleep(0.05)
    a.cancel()
    await asyncio.gather(h, a, b, return_exceptions=True)
    print(a.cancelled(), b.done(), lock.locked())

asyncio.run(main())
