# A Semaphore lets at most N holders in at once; a freed slot goes to the
# longest waiter. Work is measured in loop iterations (sleep(0)), not seconds.
import asyncio

active = 0

async def download(n, steps, sem):
    global active
    async with sem:
        active += 1
        print(f"start {n} (active {active})")
        for _ in range(steps):
            await asyncio.sleep(0)
        active -= 1
        print(f"end {n}")

async def main():
    sem = asyncio.Semaphore(2)
    steps = [2, 6, 2, 4, 1]
    await asyncio.gather(*(download(n, s, sem) for n, s in enumerate(steps)))
    print("locked:", sem.locked())

asyncio.run(main())
