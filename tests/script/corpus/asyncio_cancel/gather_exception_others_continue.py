# The first exception propagates from gather, but the other children keep running.
import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished anyway")
    return name

async def broken():
    await asyncio.sleep(0.01)
    raise RuntimeError("broken child")

async def main():
    t_ok = asyncio.create_task(ok("survivor", 0.1))
    try:
        await asyncio.gather(broken(), t_ok)
    except RuntimeError as e:
        print("gather raised:", e, "| survivor done?", t_ok.done())
    print(await t_ok)
    print(await asyncio.gather(broken(), ok("x", 0), return_exceptions=True))

asyncio.run(main())
