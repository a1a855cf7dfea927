# BoundedSemaphore refuses to be released above its initial value.
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside, locked:", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    await sem.acquire()
    await sem.acquire()
    print("both slots taken, locked:", sem.locked())
    sem.release()
    sem.release()
    print("released both")

asyncio.run(main())
