# Errors raised in the same iteration are all collected in the group.
import asyncio

async def fail(gate, exc):
    await gate.wait()
    raise exc

async def main():
    gate = asyncio.Event()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(gate, ValueError("v")))
            tg.create_task(fail(gate, TypeError("t")))
            tg.create_task(fail(gate, ValueError("w")))
            await asyncio.sleep(0)
            gate.set()
    except* ValueError as eg:
        print("ValueErrors:", [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [repr(e) for e in eg.exceptions])

asyncio.run(main())
