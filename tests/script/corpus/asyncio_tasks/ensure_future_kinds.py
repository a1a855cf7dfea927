# ensure_future wraps coroutines, returns tasks and futures unchanged, rejects others.
import asyncio

async def coro():
    return "from coro"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    print(asyncio.ensure_future(t) is t)
    fut = loop.create_future()
    print(asyncio.ensure_future(fut) is fut, type(fut).__name__)
    fut.set_result("from future")
    print(await t, await fut)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
