# Tasks may add more tasks to the group while it runs.
import asyncio

async def crawl(tg, depth, name):
    await asyncio.sleep(0.01)
    print("visit", name)
    if depth > 0:
        for i in range(2):
            tg.create_task(crawl(tg, depth - 1, f"{name}.{i}"))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(crawl(tg, 2, "root"))
    print("all visited")

asyncio.run(main())
