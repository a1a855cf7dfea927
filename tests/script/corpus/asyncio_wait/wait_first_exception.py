# FIRST_EXCEPTION returns when a task raises (or when all are done).
import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def bad():
    await asyncio.sleep(0.05)
    raise ValueError("bad task")

async def main():
    tasks = [asyncio.create_task(ok(0.01)), asyncio.create_task(bad()), asyncio.create_task(ok(0.2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    for t in tasks:
        if t.done():
            print("done:", repr(t.exception()) if t.exception() else t.result())
    for t in pending:
        t.cancel()
    only_ok = [asyncio.create_task(ok(0.01)), asyncio.create_task(ok(0.02))]
    done, pending = await asyncio.wait(only_ok, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception:", len(done), len(pending))

asyncio.run(main())
