# Starting work and coming back to it.
# A coroutine object kept for later starts only when awaited: A B C D. A Task (ensure_future,
# create_task) starts as soon as the caller yields and runs while it works on: C A B D.
import asyncio


async def announce():
    print("C")
    await asyncio.sleep(0.2)
    return "D"


async def coroutine_kept_for_later():
    later = announce()          # a coroutine object: nothing runs yet
    await asyncio.sleep(0.1)    # our own work; announce has not started
    print("A")
    print("B")
    print(await later)          # announce starts only now: C, then 0.2 s, then D


async def task_started_first():
    # ensure_future wraps the coroutine in a Task (create_task is the newer spelling).
    running = asyncio.ensure_future(announce())
    await asyncio.sleep(0.1)    # we yield: the loop starts the task, which prints C
    print("A")
    print("B")
    print(await running)        # it has been sleeping alongside us; 0.1 s remain


async def task_without_yielding():
    running = asyncio.create_task(announce())
    print("A")                  # no await yet, so the loop has not had a turn:
    print("B")                  # the task is scheduled but has not started
    print(await running)        # our first yield: now C, then D


async def timed(label, demo):
    loop = asyncio.get_running_loop()
    print("==", label)
    start = loop.time()
    await demo()
    print("   took", f"{loop.time() - start:.1f}", "s")


async def main():
    await timed("coroutine object awaited later: A B C D", coroutine_kept_for_later)
    await timed("task started first, then we yield: C A B D", task_started_first)
    await timed("task started, but we print before yielding: A B C D", task_without_yielding)


asyncio.run(main())
