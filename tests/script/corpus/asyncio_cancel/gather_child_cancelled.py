# A cancelled child makes gather raise CancelledError, or appear in the results.
import asyncio

async def sleeper(d):
    await asyncio.sleep(d)
    return d

async def main():
    a = asyncio.create_task(sleeper(0.05))
    b = asyncio.create_task(sleeper(0.01))
    b.cancel()
    res = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ for r in res], res[0])
    c = asyncio.create_task(sleeper(0.05))
    d = asyncio.create_task(sleeper(0.01))
    g = asyncio.gather(c, d)
    d.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; c still running:", not c.done())
    print(await c)

asyncio.run(main())
