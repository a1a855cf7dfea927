# A wait() timeout returns what is done so far and leaves the rest running.
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    tasks = [asyncio.create_task(job(d)) for d in (0.05, 0.1, 0.3)]
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(sorted(t.result() for t in done), len(pending))
    print("still running:", [not t.done() for t in tasks])
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print([t.cancelled() for t in tasks])

asyncio.run(main())
