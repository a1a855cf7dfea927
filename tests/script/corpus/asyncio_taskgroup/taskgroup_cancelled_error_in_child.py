# A child that is cancelled on its own does not fail the group.
import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(sleeper())
        other = tg.create_task(asyncio.sleep(0.02, result="other done"))
        await asyncio.sleep(0.01)
        t.cancel()
    print(t.cancelled(), other.result())

asyncio.run(main())
