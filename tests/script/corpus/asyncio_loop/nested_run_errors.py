# The loop cannot be re-entered while running.
import asyncio

async def inner():
    return "inner"

async def main():
    loop = asyncio.get_running_loop()
    coro = inner()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(await coro)
    print(loop.is_running())

asyncio.run(main())
