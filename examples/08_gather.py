# Gathering results in order.
# gather() runs its arguments at once and returns their results in argument order, whatever
# order they finished in. With return_exceptions=True a failure fills its slot instead.
import asyncio

finish_order = []


async def forecast(city, seconds):
    print("  asking", city)
    await asyncio.sleep(seconds)
    finish_order.append(city)
    print("  answer from", city)
    return f"{city}: sunny"


async def broken_station(city):
    await asyncio.sleep(0.1)
    raise ConnectionError(f"{city} station is offline")


async def main():
    loop = asyncio.get_running_loop()
    print("== three forecasts")
    start = loop.time()
    # Python 3.6's gather walked a set of its arguments, so old tutorials saw jobs start in a
    # shuffled order. Since 3.7 the Tasks are made, and so start, in argument order.
    results = await asyncio.gather(
        forecast("Oslo", 0.3),
        forecast("Lima", 0.1),
        forecast("Pune", 0.2),
    )
    print("finish order:", finish_order)
    print("result order:", results)
    # Three sleeps side by side: the slowest one sets the pace.
    print("took", f"{loop.time() - start:.1f}", "s")

    print("== one station fails")
    results = await asyncio.gather(
        forecast("Kyiv", 0.2),
        broken_station("Reno"),
        return_exceptions=True,
    )
    for r in results:
        print("got", type(r).__name__, "-", r)


asyncio.run(main())
