# Sleeps of equal length started one after another finish in start order
# (each deadline is computed from the clock when its sleep starts).
import asyncio

async def meow(n):
    print("starting", n)
    await asyncio.sleep(0.05)
    print("stopping", n)
    return n

async def main():
    print(await asyncio.gather(*(meow(n) for n in range(1, 7))))

asyncio.run(main())
