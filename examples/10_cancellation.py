# Cancellation.
# task.cancel() asks a task to stop: CancelledError is raised at the await where it waits, its
# finally blocks clean up, and it ends cancelled. Whoever awaits it gets CancelledError too.
import asyncio


async def patrol(guard):
    loop = asyncio.get_running_loop()
    start = loop.time()
    rounds = 0
    try:
        while True:
            rounds += 1
            print(" ", guard, "round", rounds, "at", f"{loop.time() - start:.1f}", "s")
            await asyncio.sleep(0.2)  # cancellation lands here
    except asyncio.CancelledError as err:
        print(" ", guard, "got CancelledError, message:", err.args[0])
        raise  # swallowing it would make the task look finished instead of cancelled
    finally:
        print(" ", guard, "locks the gate after", rounds, "rounds")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    task = asyncio.create_task(patrol("Mira"))
    await asyncio.sleep(0.5)  # rounds start at 0.0, 0.2, 0.4; the third sleep is in progress
    print("cancelling at", f"{loop.time() - start:.1f}", "s")
    print("cancel() returned", task.cancel("end of shift"))
    # cancel() only makes a request; the task has not had its turn yet, so it is not cancelled.
    print("cancelled right after cancel()?", task.cancelled())
    try:
        await task  # the task runs its cleanup, then this await raises too
    except asyncio.CancelledError:
        print("awaiting the task raised CancelledError")
    print("cancelled now?", task.cancelled())
    print("cancel() on a finished task returns", task.cancel())

    print("== cancelling before the first step")
    task = asyncio.create_task(patrol("Theo"))
    task.cancel()  # it never started, so it never runs at all: no rounds, no finally
    try:
        await task
    except asyncio.CancelledError:
        print("Theo's task cancelled?", task.cancelled())


asyncio.run(main())
