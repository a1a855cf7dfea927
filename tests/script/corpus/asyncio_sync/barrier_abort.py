# abort() breaks the barrier: waiters get BrokenBarrierError.
import asyncio

async def party(name, barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print(name, "saw the barrier break")

async def main():
    barrier = asyncio.Barrier(3)
    tasks = [asyncio.create_task(party(n, barrier)) for n in ("a", "b")]
    await asyncio.sleep(0.01)
    await barrier.abort()
    await asyncio.gather(*tasks)
    print("broken:", barrier.broken)
    await barrier.reset()
    print("after reset:", barrier.broken)

asyncio.run(main())
