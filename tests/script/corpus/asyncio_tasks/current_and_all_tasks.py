# current_task and all_tasks (which lists only unfinished tasks).
import asyncio

async def child(n):
    me = asyncio.current_task()
    print("inside", me.get_name())
    await asyncio.sleep(0.01 if n == 1 else 0.1)

async def main():
    tasks = [asyncio.create_task(child(n), name=f"child-{n}") for n in (1, 2)]
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks()))
    await tasks[0]
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks()))
    await tasks[1]
    print(asyncio.all_tasks() == {asyncio.current_task()})
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda: print("in a callback:", asyncio.current_task()))
    await asyncio.sleep(0)

asyncio.run(main())
