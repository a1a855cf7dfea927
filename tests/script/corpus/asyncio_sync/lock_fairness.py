# Lock waiters acquire in FIFO order.
import asyncio

async def user(name, lock):
    print(name, "wants the lock")
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.01)
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(n, lock) for n in ("a", "b", "c", "d")))
    print("locked at the end:", lock.locked())

asyncio.run(main())
