# A producer/consumer Queue.
# put() waits while a bounded Queue is full, get() while it is empty, so producer and consumers
# pace each other. task_done() per item lets join() wait until all the work is finished.
import asyncio

ORDERS = [("margherita", 0.2), ("funghi", 0.1), ("marinara", 0.2),
          ("diavola", 0.3), ("calzone", 0.3), ("quattro", 0.1)]


async def order_desk(rail):
    for dish, seconds in ORDERS:
        if rail.full():
            print("desk: rail full, waiting to add", dish)
        await rail.put((dish, seconds))  # waits here while the rail holds maxsize tickets
        print("desk: added", dish, "- tickets on rail:", rail.qsize())
    print("desk: all orders in")


async def cook(name, rail, clock_start):
    loop = asyncio.get_running_loop()
    while True:
        dish, seconds = await rail.get()  # waits here while the rail is empty
        print(name, "starts", dish, "at", f"{loop.time() - clock_start:.1f}")
        await asyncio.sleep(seconds)
        print(name, "serves", dish, "at", f"{loop.time() - clock_start:.1f}")
        rail.task_done()


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    rail = asyncio.Queue(maxsize=2)
    cooks = [asyncio.create_task(cook(name, rail, start)) for name in ["Ana", "Ben", "Cy"]]
    # The cooks are only scheduled; the desk runs first, inline. put() on a queue with room
    # does not yield, so two tickets are on the rail before any cook has started, and the
    # desk's first wait (rail full) is what lets the cooks run.
    await order_desk(rail)
    await rail.join()  # every ticket served, not just taken off the rail
    print("all served at", f"{loop.time() - start:.1f}")
    for c in cooks:
        c.cancel()  # the cooks are idle in rail.get(); stop them
    await asyncio.gather(*cooks, return_exceptions=True)  # let them finish cancelling
    print("cooks cancelled:", [c.cancelled() for c in cooks])


asyncio.run(main())
