# Waiting on an empty queue with wait_for raises TimeoutError and leaves the queue usable.
import asyncio

async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), timeout=0.05)
    except asyncio.TimeoutError:
        print("no item within 0.05 s")
    q.put_nowait("late item")
    print(await asyncio.wait_for(q.get(), timeout=0.05))
    print("qsize", q.qsize())

asyncio.run(main())
