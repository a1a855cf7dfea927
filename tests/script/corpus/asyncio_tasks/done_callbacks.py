# add_done_callback passes the task; remove_done_callback unregisters.
import asyncio

def report(task):
    print("done:", task.get_name(), task.result())

def never(task):
    print("never printed")

async def compute():
    await asyncio.sleep(0.01)
    return 7

async def main():
    t = asyncio.create_task(compute(), name="calc")
    t.add_done_callback(report)
    t.add_done_callback(never)
    t.add_done_callback(lambda task: print("lambda sees done =", task.done()))
    print("removed", t.remove_done_callback(never))
    print("removed again", t.remove_done_callback(never))
    print("awaited", await t)
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
