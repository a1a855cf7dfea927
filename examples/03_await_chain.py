# Await chaining.
# Coroutines awaiting coroutines run like nested calls, one after the other: return values flow
# back to the caller, exceptions travel back up the chain, and nothing runs concurrently.
import asyncio


async def toast(slices):
    print("    toast: browning", slices, "slices")
    await asyncio.sleep(0.1)
    return f"{slices} toast"


async def eggs(count):
    print("    eggs: frying", count)
    await asyncio.sleep(0.2)
    if count > 4:
        raise ValueError(f"only 4 eggs in the fridge, asked for {count}")
    return f"{count} eggs"


async def plate(slices, count):
    print("  plate: start")
    first = await toast(slices)  # toast runs to the end before the next line
    second = await eggs(count)   # then eggs starts: the two waits add up
    print("  plate: done")
    return [first, second]


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("main: ordering breakfast")
    result = await plate(2, 3)
    print("main: got", result)
    # 0.1 s of toast plus 0.2 s of eggs: the chain is sequential.
    print("main: took", f"{loop.time() - start:.1f}", "s")

    print("main: ordering a big breakfast")
    try:
        await plate(4, 6)
    except ValueError as err:
        # Raised two calls down; plate did not catch it, so it reached us.
        print("main: ValueError came back up the chain:", err)


asyncio.run(main())
