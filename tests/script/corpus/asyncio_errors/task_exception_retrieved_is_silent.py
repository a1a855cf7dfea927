# Retrieving the exception (exception(), result() or await) silences the report.
import asyncio

async def doomed(n):
    raise RuntimeError(f"failure {n}")

async def main():
    a = asyncio.create_task(doomed(1))
    b = asyncio.create_task(doomed(2))
    c = asyncio.create_task(doomed(3))
    await asyncio.sleep(0)
    print(repr(a.exception()))
    try:
        b.result()
    except RuntimeError as e:
        print("result():", e)
    try:
        await c
    except RuntimeError as e:
        print("await:", e)
    del a, b, c
    print("no reports on stderr")

asyncio.run(main())
