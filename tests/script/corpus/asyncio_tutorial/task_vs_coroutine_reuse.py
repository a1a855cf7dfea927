# A Task can be awaited again for its stored result; a coroutine cannot.
import asyncio

async def new_future(n):
    print("future", n)
    await asyncio.sleep(0.05)
    print("future done", n)
    return n

async def run():
    results = asyncio.ensure_future(new_future(1))
    print(results)
    print(await results)
    print(results)
    print(await results)

    results = new_future(2)
    print(type(results).__name__)
    print(await results)
    try:
        print(await results)
    except RuntimeError as e:
        print("RuntimeError:", e)

loop = asyncio.get_event_loop()
loop.run_until_complete(run())
