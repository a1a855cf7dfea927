# loop.time() never goes backwards and advances across sleeps.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    samples = [loop.time()]
    for _ in range(2):
        await asyncio.sleep(0.1)
        samples.append(loop.time())
    steps = [b - a for a, b in zip(samples, samples[1:])]
    print(all(b >= a for a, b in zip(samples, samples[1:])))
    print([0.099 < s < 0.15 for s in steps])
    print(round(samples[-1] - samples[0], 1))

asyncio.run(main())
