# A finished group refuses new tasks; tasks can be named.
import asyncio

async def job():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()

async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(job(), name="named-in-group")
    print(t.result())
    coro = job()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()

asyncio.run(main())
