# wait_for returns the result when the awaitable finishes in time.
import asyncio

async def compute():
    await asyncio.sleep(0.05)
    return "computed"

async def main():
    print(await asyncio.wait_for(compute(), timeout=1))
    print(await asyncio.wait_for(compute(), timeout=None))
    t = asyncio.create_task(compute())
    print(await asyncio.wait_for(t, 0.5), t.done())

asyncio.run(main())
