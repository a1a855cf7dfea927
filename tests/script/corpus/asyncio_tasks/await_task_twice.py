# A task can be awaited many times; a coroutine only once.
import asyncio

async def value():
    print("computing once")
    await asyncio.sleep(0)
    return 99

async def main():
    t = asyncio.create_task(value())
    print(await t, await t, t.result())
    c = value()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
