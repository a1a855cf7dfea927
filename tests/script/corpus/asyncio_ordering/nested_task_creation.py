# Tasks created by tasks run after everything already queued.
import asyncio

async def leaf(name):
    print("leaf", name)

async def branch(name):
    print("branch", name, "creates leaves")
    asyncio.create_task(leaf(name + ".1"))
    asyncio.create_task(leaf(name + ".2"))
    await asyncio.sleep(0)
    print("branch", name, "resumes")

async def main():
    asyncio.create_task(branch("a"))
    asyncio.create_task(branch("b"))
    await asyncio.sleep(0)
    print("main 1")
    await asyncio.sleep(0)
    print("main 2")
    await asyncio.sleep(0)
    print("main 3")

asyncio.run(main())
