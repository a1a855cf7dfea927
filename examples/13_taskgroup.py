# A TaskGroup (Python 3.11).
# The `async with` block waits for every task started in the group. If one fails, the others
# are cancelled and all failures come out as one ExceptionGroup, sorted out by `except*`.
import asyncio


async def pack(item, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print("  stopped packing", item)
        raise
    print("  packed", item)
    return item


async def pack_fragile(item, seconds):
    await asyncio.sleep(seconds)
    raise ValueError(f"{item} broke")


async def check_label(item):
    raise KeyError(item)  # fails in its very first step, before any await


async def check_weight(item, kilos):
    if kilos > 20:
        raise ValueError(f"{item} weighs {kilos} kg, over the limit")
    return kilos


async def main():
    loop = asyncio.get_running_loop()

    print("== everything succeeds")
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        boots = tg.create_task(pack("boots", 0.2))
        scarf = tg.create_task(pack("scarf", 0.1))
        print("tasks created; the end of the block waits for them")
    print("results:", [boots.result(), scarf.result()])
    print("took", f"{loop.time() - start:.1f}", "s")

    print("== one task fails")
    start = loop.time()
    try:
        async with asyncio.TaskGroup() as tg:
            tent = tg.create_task(pack("tent", 0.3))
            tg.create_task(pack_fragile("lantern", 0.1))
    except* ValueError as group:
        # The lantern failed at 0.1 s; the group cancelled the tent at once instead of
        # letting it run to 0.3 s, then raised. (With several siblings to cancel, the group
        # cancels them in no particular order, so this example keeps just one.)
        print("caught:", group)
        for err in group.exceptions:
            print("  ValueError:", err)
    print("after", f"{loop.time() - start:.1f}", "s; tent cancelled?", tent.cancelled())

    print("== two tasks fail in the same iteration")
    try:
        async with asyncio.TaskGroup() as tg:
            # Both tasks take their first step in the same loop iteration and fail there,
            # before the group hears of either failure, so it collects both.
            tg.create_task(check_weight("anvil", 40))
            tg.create_task(check_label("box 7"))
    except* ValueError as group:
        print("except* ValueError got", len(group.exceptions), "-", group.exceptions[0])
    except* KeyError as group:
        print("except* KeyError got", len(group.exceptions), "-", group.exceptions[0])


asyncio.run(main())
