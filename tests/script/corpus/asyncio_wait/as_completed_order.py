# as_completed yields awaitables in completion order.
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    coros = [job("c", 0.15), job("a", 0.05), job("b", 0.1)]
    for nxt in asyncio.as_completed(coros):
        print(await nxt)

asyncio.run(main())
