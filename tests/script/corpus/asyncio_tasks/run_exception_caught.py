# An exception escaping main propagates out of asyncio.run.
import asyncio

async def main():
    await asyncio.sleep(0)
    raise LookupError("main failed")

try:
    asyncio.run(main())
except LookupError as e:
    print("caught outside the loop:", e)
print("program continues")
