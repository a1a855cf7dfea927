# datetime.now() inside asyncio tasks follows the clock the loop sleeps on
import asyncio
from datetime import datetime, timedelta, timezone

async def worker(name, delay, log):
    start = datetime.now()
    await asyncio.sleep(delay)
    took = datetime.now() - start
    log.append((name, int(took.total_seconds() * 10 + 1e-6) / 10, took >= timedelta(seconds=delay - 0.01)))

async def main():
    log = []
    t0 = datetime.now(timezone.utc)
    await asyncio.gather(worker("a", 0.1, log), worker("b", 0.2, log))
    elapsed = datetime.now(timezone.utc) - t0
    for entry in log:
        print(*entry)
    print(int(elapsed.total_seconds() * 10 + 1e-6) / 10, elapsed < timedelta(seconds=1))
    deadline = datetime.now() + timedelta(milliseconds=100)
    n = 0
    while datetime.now() < deadline:
        n += 1
        await asyncio.sleep(0.06)
    print("polls", n)

asyncio.run(main())
