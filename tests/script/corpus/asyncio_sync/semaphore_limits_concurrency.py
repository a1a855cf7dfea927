# A Semaphore lets at most N holders in at once; a freed slot goes to the
# longest waiter. (Durations differ so no two holders finish together.)
import asyncio

active = 0

async def download(n, duration, sem):
    global active
    async with sem:
        active += 1
        print(f"start {n} (active {active})")
        await asyncio.sleep(duration)
        active -= 1
        print(f"end {n}")

async def main():
    sem = asyncio.Semaphore(2)
    durations = [0.06, 0.18, 0.06, 0.12, 0.01]
    await asyncio.gather(*(download(n, d, sem) for n, d in enumerate(durations)))
    print("locked:", sem.locked())

asyncio.run(main())
