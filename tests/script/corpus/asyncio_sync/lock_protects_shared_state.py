# Without the lock the read-modify-write races; with it the count is exact.
import asyncio

counter = 0

async def increment(lock):
    global counter
    if lock:
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1
    else:
        value = counter
        await asyncio.sleep(0)
        counter = value + 1

async def main():
    global counter
    await asyncio.gather(*(increment(None) for _ in range(10)))
    print("without lock:", counter)
    counter = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock) for _ in range(10)))
    print("with lock:", counter)

asyncio.run(main())
