# Chaining coroutines: each chain runs part1 then part2; chains run concurrently.
import asyncio
import random

async def part1(n, delay):
    print(f"part1({n}) sleeping {delay:.2f}")
    await asyncio.sleep(delay)
    result = f"result{n}-1"
    print(f"Returning part1({n}) == {result}")
    return result

async def part2(n, arg, delay):
    print(f"part2{n, arg} sleeping {delay:.2f}")
    await asyncio.sleep(delay)
    result = f"result{n}-2 derived from {arg}"
    print(f"Returning part2{n, arg} == {result}")
    return result

async def chain(n, d1, d2):
    p1 = await part1(n, d1)
    p2 = await part2(n, p1, d2)
    print(f"-->Chained result{n} => {p2}")

async def main():
    random.seed(719)
    plans = [(n, random.randint(1, 6) * 0.05, random.randint(1, 3) * 0.05) for n in (9, 6, 3)]
    await asyncio.gather(*(chain(*plan) for plan in plans))

asyncio.run(main())
