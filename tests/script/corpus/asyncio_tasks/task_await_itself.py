# A task awaiting itself is refused.
import asyncio

async def selfish():
    me = asyncio.current_task()
    try:
        await me
    except RuntimeError as e:
        print("RuntimeError:", e)
    return "recovered"

async def main():
    print(await asyncio.create_task(selfish()))

asyncio.run(main())
