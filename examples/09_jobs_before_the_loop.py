# Queueing jobs before the loop runs, and firing them later.
# Tasks created on a loop that is not running only wait in line. Each run_until_complete call,
# at a "processing point" you choose, runs the loop just until its argument is done.
import asyncio


async def print_label(parcel, seconds):
    print("  printing label for", parcel)
    await asyncio.sleep(seconds)
    print("  label ready for", parcel)
    return parcel.upper()


# Old tutorials wrote asyncio.get_event_loop() here and let asyncio create a loop on the
# fly; newer Pythons deprecate that, so we create and install the loop ourselves.
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

jobs = []
jobs.append(loop.create_task(print_label("books", 0.2)))
print("queued books")
jobs.append(loop.create_task(print_label("tea", 0.2)))
print("queued tea")
print("...doing other things; the loop is not running, so nothing has started")
# gather() also works before the loop runs: it wraps the coroutines in Tasks on the loop we set.
batch = asyncio.gather(print_label("socks", 0.1), print_label("maps", 0.1))
print("queued a batch of two")

print("== processing point 1")
start = loop.time()
print("results:", loop.run_until_complete(asyncio.gather(*jobs)))
# The batch ran alongside and finished first, so this returns without running the loop long.
print("batch results:", loop.run_until_complete(batch))
print("took", f"{loop.time() - start:.1f}", "s for all four: they ran side by side")

print("== one more job, then a single turn of the loop")
late = loop.create_task(print_label("lamp", 0.1))
# gather() with no arguments is already done, so the loop stops after one iteration: the
# queued job runs up to its first await and no further. (Old tutorials fired their queue this
# way; it only works for jobs that never wait on anything.)
loop.run_until_complete(asyncio.gather())
print("after one turn, done?", late.done())

print("== processing point 2")
print("result:", loop.run_until_complete(late))
loop.close()
