# When one task fails, the group cancels the others and raises an ExceptionGroup.
import asyncio

async def worker(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "was cancelled")
        raise

async def failer():
    await asyncio.sleep(0.1)
    raise ValueError("failer broke")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("quick", 0.01))
            tg.create_task(worker("slow", 1))
            tg.create_task(failer())
    except* ValueError as eg:
        print("caught:", [str(e) for e in eg.exceptions])
        print(type(eg).__name__, str(eg))

asyncio.run(main())
