# Tutorials compute factorials and Fibonacci numbers in tasks.
import asyncio

async def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
        if i % 10 == 0:
            await asyncio.sleep(0)
    return r

async def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

async def main():
    f, g = await asyncio.gather(fact(60), fib(300))
    print(f)
    print(g)
    print(f // g, f % g)

asyncio.run(main())
