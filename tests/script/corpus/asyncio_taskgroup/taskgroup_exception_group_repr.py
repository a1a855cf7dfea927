# The group's ExceptionGroup lists failures in the order the tasks failed;
# a task still running at the first failure is cancelled, not collected.
import asyncio

async def fail(gate, n):
    await gate.wait()
    raise RuntimeError(f"task {n}")

async def late():
    await asyncio.sleep(1)
    raise RuntimeError("never raised")

async def main():
    gate = asyncio.Event()
    try:
        async with asyncio.TaskGroup() as tg:
            for n in (1, 2):
                tg.create_task(fail(gate, n))
            tg.create_task(late())
            await asyncio.sleep(0)
            gate.set()
    except ExceptionGroup as eg:
        print(str(eg))
        print(repr(eg))
        print(eg.message, [str(e) for e in eg.exceptions])

asyncio.run(main())
