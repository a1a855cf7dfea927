# Tasks are named Task-N in creation order unless given a name.
import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    print(asyncio.current_task().get_name())
    t2 = asyncio.create_task(noop())
    t3 = asyncio.create_task(noop(), name="custom")
    t4 = asyncio.ensure_future(noop())
    print(t2.get_name(), t3.get_name(), t4.get_name())
    t2.set_name("renamed")
    print(t2.get_name())
    await asyncio.gather(t2, t3, t4)
    t5 = asyncio.create_task(noop())
    print(t5.get_name())
    await t5

asyncio.run(main())
