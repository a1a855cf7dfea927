# Nested groups: the inner group's failure propagates as a nested ExceptionGroup.
import asyncio

async def ok(name):
    await asyncio.sleep(0.01)
    print("ok", name)

async def bad():
    await asyncio.sleep(0.06)
    raise OSError("disk")

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(ok("inner"))
        tg.create_task(bad())

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok("outer"))
            tg.create_task(inner_group())
    except ExceptionGroup as eg:
        print(repr(eg))
        print(repr(eg.exceptions[0].exceptions[0]))

asyncio.run(main())
