# as_completed raises TimeoutError for the results still missing at the timeout.
import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 0.3)]
    try:
        for nxt in asyncio.as_completed(tasks, timeout=0.15):
            print("got", await nxt)
    except asyncio.TimeoutError:
        print("TimeoutError while waiting for the rest")
    print([t.done() for t in tasks])
    tasks[1].cancel()

asyncio.run(main())
