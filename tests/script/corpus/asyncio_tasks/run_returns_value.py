# asyncio.run returns the coroutine's result and rejects non-coroutines.
import asyncio

async def answer():
    await asyncio.sleep(0.01)
    return 42

print(asyncio.run(answer()))
print(asyncio.run(answer()) + 1)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
