# When main returns, asyncio.run cancels tasks that are still pending.
import asyncio

async def lingering():
    try:
        print("lingering starts")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("lingering was cancelled at shutdown")
        raise
    finally:
        print("lingering cleanup")

async def main():
    asyncio.create_task(lingering())
    await asyncio.sleep(0.01)
    print("main returns")
    return "main result"

print(asyncio.run(main()))
