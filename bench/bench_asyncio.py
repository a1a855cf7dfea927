#!/usr/bin/env python3
"""asyncio peer of the aio benchmarks (bench/README.md has the method), run by
CPython 3.11 (`python3`) and by the script layer (`aio-py`, whose asyncio is
the aio engine): the same file for both, so their ratios compare like with like.

Protocol, shared by every peer:
  arguments   key=value: only=W1,W3  n1=  m2= k2=  n3=  n4= q4=  d5= r5=  nm=
  output      one line per workload:  NAME N SECONDS NS_PER_OP PEAK_RSS_KB
              M1_memory adds a sixth field, bytes per task; lines starting
              with '#' are comments.

N counts operations, and NS_PER_OP = SECONDS / N, except W3 (see w3_timers).
Every workload runs in a fresh loop made by asyncio.run(); only the part
inside the loop is timed, so interpreter start-up and loop creation are not.
"""

import asyncio
import gc
import platform
import resource
import sys
import time

DEFAULTS = {
    "n1": 200_000,              # W1 tasks
    "m2": 1_000, "k2": 1_000,   # W2 tasks, yields per task
    "n3": 100_000,              # W3 timers
    "n4": 1_000_000, "q4": 100, # W4 items, queue maxsize
    "d5": 100, "r5": 10_000,    # W5 depth, repetitions
    "nm": 100_000,              # M1 pending tasks
}
NAMES = {
    "W1": "W1_spawn_gather",
    "W2": "W2_yield_switch",
    "W3": "W3_timers",
    "W4": "W4_queue_pingpong",
    "W5": "W5_await_chain",
    "M1": "M1_memory",
}
W3_SPAN = 0.1          # seconds; delays lie in [0, W3_SPAN)
W3_SEED = 2463534242   # xorshift32 state before the first step


class WorkloadFailed(Exception):
    """A workload computed a wrong result: its time would mean nothing."""


def check(ok, what):
    if not ok:
        raise WorkloadFailed(what)


# --- memory -----------------------------------------------------------------

def _proc_status_kb(field):
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def peak_rss_kb():
    """Peak resident set size of this process so far, in KiB."""
    kb = _proc_status_kb("VmHWM")
    if kb is None:
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if sys.platform == "darwin":  # bytes there, KiB on Linux
            kb //= 1024
    return kb


def current_rss_kb():
    kb = _proc_status_kb("VmRSS")
    return peak_rss_kb() if kb is None else kb


# --- W1 spawn_gather ---------------------------------------------------------

async def _index(i):
    return i


async def w1_spawn_gather(n):
    """op = one task: created, run to completion, its result gathered."""
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(_index(i)) for i in range(n)]
    results = await asyncio.gather(*tasks)
    seconds = time.perf_counter() - t0
    check(sum(results) == n * (n - 1) // 2, "W1 sum of indices")
    return n, seconds, seconds / n


# --- W2 yield_switch ---------------------------------------------------------

async def _yielder(k):
    for _ in range(k):
        await asyncio.sleep(0)  # exactly one loop iteration
    return k


async def w2_yield_switch(m, k):
    """op = one sleep(0): a task suspends and the loop resumes the next one."""
    t0 = time.perf_counter()
    done = await asyncio.gather(*[asyncio.create_task(_yielder(k)) for _ in range(m)])
    seconds = time.perf_counter() - t0
    check(sum(done) == m * k, "W2 yield count")
    return m * k, seconds, seconds / (m * k)


# --- W3 timers ---------------------------------------------------------------

def xorshift32_delays(n, seed=W3_SEED, span=W3_SPAN):
    """Marsaglia's xorshift32 (13, 17, 5); delay i comes from the state after
    step i+1, scaled to [0, span): x / 2**32 * span. Every peer uses this."""
    x = seed
    delays = [0.0] * n
    for i in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        delays[i] = x / 4294967296.0 * span
    return delays


async def _sleeper(delay):
    await asyncio.sleep(delay)


async def w3_timers(n):
    """op = one timer: armed by sleep(delay), fired on the real clock, its
    task resumed and gathered. The sleeping itself is not the engine's cost,
    so NS_PER_OP = (SECONDS - 0.1 s) / N, as the issue defines it."""
    delays = xorshift32_delays(n)  # generated before timing starts
    print(f"# W3 delays: first={delays[0]:.9f} max={max(delays):.9f} "
          f"sum={sum(delays):.6f}")
    t0 = time.perf_counter()
    await asyncio.gather(*[asyncio.create_task(_sleeper(d)) for d in delays])
    seconds = time.perf_counter() - t0
    return n, seconds, (seconds - W3_SPAN) / n


# --- W4 queue_pingpong -------------------------------------------------------

async def _producer(queue, n):
    for i in range(n):
        await queue.put(i)


async def _consumer(queue, n):
    total = 0
    for _ in range(n):
        total += await queue.get()
    return total


async def w4_queue_pingpong(n, maxsize):
    """op = one item: put by the producer, got by the consumer."""
    queue = asyncio.Queue(maxsize=maxsize)
    t0 = time.perf_counter()
    _, total = await asyncio.gather(_producer(queue, n), _consumer(queue, n))
    seconds = time.perf_counter() - t0
    check(total == n * (n - 1) // 2, "W4 sum of items")
    return n, seconds, seconds / n


# --- W5 await_chain ----------------------------------------------------------

async def _chain(depth):
    if depth == 0:
        return 0
    return await _chain(depth - 1) + 1


async def w5_await_chain(depth, reps):
    """op = one await level: a coroutine awaiting a plain coroutine (inline,
    no loop iteration), called and returned. N = D * R."""
    t0 = time.perf_counter()
    for _ in range(reps):
        check(await _chain(depth) == depth, "W5 chain result")
    seconds = time.perf_counter() - t0
    n = depth * reps
    return n, seconds, seconds / n


# --- M1 memory ---------------------------------------------------------------

_m1_suspended = 0


async def _waiter(event):
    global _m1_suspended
    _m1_suspended += 1
    await event.wait()


async def m1_memory(n):
    """N tasks, each suspended in one shared Event's wait(). Bytes per task =
    (peak RSS with all of them pending - RSS before) / N. SECONDS is the time
    to create them and let each run to its suspension point."""
    global _m1_suspended
    _m1_suspended = 0
    event = asyncio.Event()
    gc.collect()
    base_kb = current_rss_kb()
    t0 = time.perf_counter()
    tasks = [asyncio.create_task(_waiter(event)) for _ in range(n)]
    await asyncio.sleep(0)  # one iteration: every first step runs and suspends
    seconds = time.perf_counter() - t0
    peak_kb = peak_rss_kb()
    check(_m1_suspended == n and not any(t.done() for t in tasks),
          "M1 tasks pending on the event")
    event.set()
    await asyncio.gather(*tasks)
    return n, seconds, seconds / n, (peak_kb - base_kb) * 1024 / n


# --- protocol ----------------------------------------------------------------

def usage_error(msg):
    """A bad argument: the protocol's exit status 2."""
    print(f"bench_asyncio: {msg}", file=sys.stderr)
    sys.exit(2)


def parse_args(argv):
    opts = dict(DEFAULTS)
    only = list(NAMES)
    for arg in argv:
        key, sep, value = arg.partition("=")
        if not sep:
            usage_error(f"expected key=value, got {arg!r}")
        if key == "only":
            only = []
            for item in value.split(","):
                short = item.strip().split("_")[0].upper()
                if short not in NAMES:
                    usage_error(f"unknown workload {item!r}")
                only.append(short)
        elif key in DEFAULTS:
            try:
                opts[key] = int(value)
            except ValueError:
                usage_error(f"{key} must be an integer")
            if opts[key] <= 0:
                usage_error(f"{key} must be positive")
        else:
            usage_error(f"unknown key {key!r}")
    return opts, only


def run_one(short, o):
    if short == "W1":
        return asyncio.run(w1_spawn_gather(o["n1"]))
    if short == "W2":
        return asyncio.run(w2_yield_switch(o["m2"], o["k2"]))
    if short == "W3":
        return asyncio.run(w3_timers(o["n3"]))
    if short == "W4":
        return asyncio.run(w4_queue_pingpong(o["n4"], o["q4"]))
    if short == "W5":
        return asyncio.run(w5_await_chain(o["d5"], o["r5"]))
    return asyncio.run(m1_memory(o["nm"]))


def main(argv):
    opts, only = parse_args(argv)
    # platform.python_implementation() is 'CPython' there and 'aio-py' under
    # the script layer (whose asyncio is the aio engine).
    print(f"# peer {platform.python_implementation()} {platform.python_version()} asyncio, "
          f"{asyncio.get_event_loop_policy().__class__.__name__}")
    print("# NAME N SECONDS NS_PER_OP PEAK_RSS_KB [BYTES_PER_TASK]")
    if "M1" in only and len(only) > 1:
        print("# M1 shares its process with other workloads; run it alone "
              "(only=M1) for a clean bytes-per-task figure")
    for short in only:
        gc.collect()  # start each workload without the previous one's garbage
        result = run_one(short, opts)
        n, seconds, per_op = result[:3]
        fields = [NAMES[short], str(n), f"{seconds:.6f}", f"{per_op * 1e9:.3f}",
                  str(peak_rss_kb())]
        if short == "M1":
            fields.append(f"{result[3]:.1f}")
        print(" ".join(fields), flush=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except WorkloadFailed as e:
        print(f"bench_asyncio: wrong result in {e}", file=sys.stderr)
        sys.exit(1)
