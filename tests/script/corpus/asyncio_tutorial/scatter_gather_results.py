# Scatter work with ensure_future, gather the results in order.
import asyncio

async def meow(number):
    await asyncio.sleep(0.01 * (6 - number))
    return number

async def run():
    f = []
    for x in range(1, 6):
        f.append(asyncio.ensure_future(meow(x)))
    x = await asyncio.gather(*f)
    print(x)

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
