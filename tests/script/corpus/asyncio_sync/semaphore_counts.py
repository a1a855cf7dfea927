# Semaphore acquire/release by hand; an unbounded one may be released extra times.
import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    print(sem.locked(), await sem.acquire(), sem.locked())
    sem.release()
    sem.release()
    print("after extra release, can acquire twice:", await sem.acquire(), await sem.acquire(), sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
