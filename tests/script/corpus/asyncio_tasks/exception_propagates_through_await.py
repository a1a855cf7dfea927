# An exception raised in a task re-raises in whoever awaits it.
import asyncio

async def inner():
    await asyncio.sleep(0)
    raise ValueError("inner failed")

async def middle():
    try:
        return await asyncio.create_task(inner())
    finally:
        print("middle's finally runs")

async def main():
    try:
        await middle()
    except ValueError as e:
        print("main caught:", e)

asyncio.run(main())
