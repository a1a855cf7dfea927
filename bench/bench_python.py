#!/usr/bin/env python3
"""Plain-Python peer of the benchmarks: the interpreter alone, no asyncio.

Run by CPython (`python3 bench/bench_python.py`) and by the script layer
(`aio-py bench/bench_python.py`); bench/run.py compares the two (issue 3:
aio-py at most 2x slower than CPython 3.11 here). Same protocol as
bench_asyncio.py (bench/README.md):

  arguments   key=value: only=P1,P2  p1=  p2=
  output      one line per workload:  NAME N SECONDS NS_PER_OP PEAK_RSS_KB
              lines starting with '#' are comments.

P1_fib  recursive fib(p1), p1=27: N = the number of calls, op = one call
        (a compare, two calls, an add, a return).
P2_sum  a for loop over range(p2) adding each integer to a local,
        p2=10,000,000: N = p2, op = one iteration.
"""

import gc
import platform
import resource
import sys
import time

DEFAULTS = {"p1": 27, "p2": 10_000_000}
NAMES = {"P1": "P1_fib", "P2": "P2_sum"}


class WorkloadFailed(Exception):
    """A workload computed a wrong result: its time would mean nothing."""


def check(ok, what):
    if not ok:
        raise WorkloadFailed(what)


def peak_rss_kb():
    """Peak resident set size of this process so far, in KiB (VmHWM)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb // 1024 if sys.platform == "darwin" else kb


# --- P1 fib --------------------------------------------------------------------

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_calls(n):
    """How many calls fib(n) makes: 2 * fib(n + 1) - 1, computed iteratively."""
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


def fib_value(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def p1_fib(n):
    t0 = time.perf_counter()
    r = fib(n)
    seconds = time.perf_counter() - t0
    check(r == fib_value(n), "P1 fib value")
    calls = fib_calls(n)
    return calls, seconds, seconds / calls


# --- P2 sum --------------------------------------------------------------------

def sum_loop(n):
    total = 0
    for i in range(n):
        total += i
    return total


def p2_sum(n):
    t0 = time.perf_counter()
    total = sum_loop(n)
    seconds = time.perf_counter() - t0
    check(total == n * (n - 1) // 2, "P2 sum")
    return n, seconds, seconds / n


# --- protocol ------------------------------------------------------------------

def usage_error(msg):
    """A bad argument: the protocol's exit status 2."""
    print(f"bench_python: {msg}", file=sys.stderr)
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


def main(argv):
    opts, only = parse_args(argv)
    # platform.python_implementation() is 'CPython' there and 'aio-py' here.
    print(f"# peer {platform.python_implementation()} {platform.python_version()}, plain Python")
    print("# NAME N SECONDS NS_PER_OP PEAK_RSS_KB")
    for short in only:
        gc.collect()
        if short == "P1":
            n, seconds, per_op = p1_fib(opts["p1"])
        else:
            n, seconds, per_op = p2_sum(opts["p2"])
        print(f"{NAMES[short]} {n} {seconds:.6f} {per_op * 1e9:.3f} {peak_rss_kb()}", flush=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except WorkloadFailed as e:
        print(f"bench_python: wrong result in {e}", file=sys.stderr)
        sys.exit(1)
