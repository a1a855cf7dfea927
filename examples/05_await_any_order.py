# Awaiting in any order.
# Coroutine objects run one at a time, each when it is awaited, so await order is run order.
# Tasks all start when the caller first yields, in creation order, whatever the await order.
import asyncio


async def water(plant):
    print("  start watering", plant)
    await asyncio.sleep(0.1)
    print("  done watering", plant)
    return plant


async def main():
    loop = asyncio.get_running_loop()

    print("== coroutine objects, awaited out of order")
    start = loop.time()
    fern = water("fern")
    basil = water("basil")
    cactus = water("cactus")
    await cactus  # runs cactus to the end (0.1 s) ...
    await fern    # ... then fern ...
    await basil   # ... then basil
    print("took", f"{loop.time() - start:.1f}", "s: one after another")

    print("== odd positions first, then even ones")
    start = loop.time()
    row = [water(n) for n in [1, 2, 3, 4, 5]]
    for i in [0, 2, 4, 1, 3]:
        await row[i]
    print("took", f"{loop.time() - start:.1f}", "s")

    print("== tasks, awaited out of order")
    start = loop.time()
    fern = asyncio.create_task(water("fern"))
    basil = asyncio.create_task(water("basil"))
    cactus = asyncio.create_task(water("cactus"))
    # Our first await yields to the loop, which starts all three tasks in creation order.
    # They sleep side by side, so by the time cactus is done the others are too.
    got = [await cactus, await fern, await basil]
    print("results in await order:", got)
    print("took", f"{loop.time() - start:.1f}", "s: side by side")


asyncio.run(main())
