# PriorityQueue returns the smallest item first.
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await pq.put(item)
    while not pq.empty():
        print(await pq.get())
    for n in [5, 1, 4, 2, 3]:
        pq.put_nowait(n)
    print([pq.get_nowait() for _ in range(5)])

asyncio.run(main())
