# Tasks started with create_task run to completion even if never awaited.
import asyncio

background = set()

async def job(n):
    await asyncio.sleep(0.05 * n)
    print("job", n, "done")

async def main():
    for n in (3, 1, 2):
        t = asyncio.create_task(job(n))
        background.add(t)
        t.add_done_callback(background.discard)
    print("started", len(background))
    await asyncio.sleep(0.3)
    print("remaining", len(background))

asyncio.run(main())
