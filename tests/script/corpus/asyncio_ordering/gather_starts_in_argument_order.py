# gather wraps its arguments in tasks in argument order, so they start in that order.
import asyncio

async def step(name):
    print("start", name)
    await asyncio.sleep(0)
    print("end", name)
    return name * 2

async def main():
    print(await asyncio.gather(step("x"), step("y"), step("z")))

asyncio.run(main())
