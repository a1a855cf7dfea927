# result() and exception() before completion, after success, after failure.
import asyncio

async def ok():
    await asyncio.sleep(0)
    return "fine"

async def bad():
    await asyncio.sleep(0)
    raise KeyError("k")

async def main():
    t = asyncio.create_task(ok())
    for method in (t.result, t.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print("InvalidStateError:", e)
    await asyncio.sleep(0.01)
    print(t.done(), t.result(), t.exception())
    b = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print(b.done(), repr(b.exception()))
    try:
        b.result()
    except KeyError as e:
        print("result() re-raises", repr(e))

asyncio.run(main())
