# A failed task whose exception nobody retrieves is reported on stderr when it is destroyed.
import asyncio

async def doomed():
    await asyncio.sleep(0)
    raise ValueError("nobody will look at this")

async def main():
    t = asyncio.create_task(doomed())
    await asyncio.sleep(0.01)
    print("task done:", t.done())
    del t
    print("reference dropped")

asyncio.run(main())
print("program finished normally")
