# Concurrent sleeps finish in order of their durations.
import asyncio

async def sleeper(name, delay, out):
    await asyncio.sleep(delay)
    out.append(name)

async def main():
    out = []
    tasks = [asyncio.create_task(sleeper(n, d, out))
             for n, d in [("d", 0.2), ("a", 0.05), ("c", 0.15), ("b", 0.1), ("zero", 0)]]
    await asyncio.gather(*tasks)
    print(out)

asyncio.run(main())
