# Running in parallel with asyncio.wait.
# wait() runs a collection of Tasks at once and returns two sets, done and pending. Sets have
# no useful order, so sort what you read from them. timeout and return_when can end it early.
import asyncio


async def download(name, seconds):
    print("  start", name)
    await asyncio.sleep(seconds)
    print("  finished", name)
    return name


async def main():
    loop = asyncio.get_running_loop()

    print("== wait for all")
    start = loop.time()
    # Old tutorials handed wait() bare coroutines. Up to 3.10 it wrapped them in Tasks while
    # walking a set, so they started in a shuffled order; 3.8 deprecated that and 3.11 refuses
    # it (TypeError). Making the Tasks ourselves fixes the start order: creation order.
    tasks = [asyncio.create_task(download(f"file-{n}", 0.1 * n)) for n in [3, 1, 2]]
    done, pending = await asyncio.wait(tasks)
    print("done:", len(done), "pending:", len(pending))
    print("results, sorted:", sorted(t.result() for t in done))
    # All three slept at the same time, so this is the longest sleep, not the sum.
    print("took", f"{loop.time() - start:.1f}", "s")

    print("== wait with a timeout")
    start = loop.time()
    tasks = [asyncio.create_task(download(f"part-{n}", 0.1 * n)) for n in [1, 3, 4]]
    done, pending = await asyncio.wait(tasks, timeout=0.2)
    # The timeout does not cancel anything: pending tasks keep running.
    print("after", f"{loop.time() - start:.1f}", "s: done", len(done), "pending", len(pending))
    print("done so far:", sorted(t.result() for t in done))

    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("after", f"{loop.time() - start:.1f}", "s: done", len(done), "pending", len(pending))
    print("first of the rest:", sorted(t.result() for t in done))

    done, pending = await asyncio.wait(pending)
    print("after", f"{loop.time() - start:.1f}", "s: done", len(done), "pending", len(pending))
    print("last one:", sorted(t.result() for t in done))


asyncio.run(main())
