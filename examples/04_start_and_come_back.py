# Starting work and coming back to it.
# A coroutine object kept for later does not start until it is awaited, so its first line
# prints after everything before that await: A B C D. Wrapping it in a Task (ensure_future or
# create_task) schedules it on the loop; it starts the next time the caller yields, and runs
# while the caller does other things: C A B D. A Task is scheduled, never run on the spot.
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
