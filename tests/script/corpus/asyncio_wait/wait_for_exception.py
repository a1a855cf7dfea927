# Exceptions from the inner awaitable pass through wait_for unchanged.
import asyncio

async def failing():
    await asyncio.sleep(0.01)
    raise KeyError("inner key")

async def main():
    try:
        await asyncio.wait_for(failing(), timeout=1)
    except KeyError as e:
        print("KeyError passed through:", e)

asyncio.run(main())
