# loop.time() never goes backwards and advances across sleeps.
import asyncio

def tenths(seconds):
    # Whole tenths of a second: a wakeup that is a little late prints the same.
    return int(seconds * 10 + 1e-6) / 10

async def main():
    loop = asyncio.get_running_loop()
    samples = [loop.time()]
    for _ in range(2):
        await asyncio.sleep(0.1)
        samples.append(loop.time())
    steps = [b - a for a, b in zip(samples, samples[1:])]
    print(all(b >= a for a, b in zip(samples, samples[1:])))
    print([0.099 < s < 0.5 for s in steps])
    print(tenths(samples[-1] - samples[0]))

asyncio.run(main())
