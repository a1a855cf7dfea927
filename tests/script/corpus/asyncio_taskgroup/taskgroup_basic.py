# A TaskGroup waits for all its tasks when the block exits.
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    print("fetched", name)
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("a", 0.1))
        t2 = tg.create_task(fetch("b", 0.05))
        print("tasks started, block body done")
    print("after the group:", t1.result(), t2.result())

asyncio.run(main())
