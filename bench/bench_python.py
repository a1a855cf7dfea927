#!/usr/bin/env python3
"""Plain-Python peer of the benchmarks: the interpreter alone, no asyncio.

Run by CPython (`python3 bench/bench_python.py`) and by the script layer
(`aio-py bench/bench_python.py`); bench/run.py compares the two (issue 3:
aio-py at most 2x slower than CPython 3.11 here). Same protocol as
bench_asyncio.py (bench/README.md):

  arguments   key=value: only=P1,P2,...  p1=  p2=  p3=  p4=  p5=
  output      one line per workload:  NAME N SECONDS NS_PER_OP PEAK_RSS_KB
              lines starting with '#' are comments.

P1_fib  recursive fib(p1), p1=27: N = the number of calls, op = one call
        (a compare, two calls, an add, a return).
P2_sum  a for loop over range(p2) adding each integer to a local,
        p2=10,000,000: N = p2, op = one iteration.
P3_bigint  fib(p3) by iteration and p3! by a product loop, p3=20,000
        (numbers of 4,200 and 77,000 digits): N = 2*p3, op = one big
        addition or multiplication by a small int.
P4_regex  a log-line pattern (named groups, alternation, classes) searched
        and substituted over p4 lines, p4=20,000: N = p4, op = one line's
        finditer + sub.
P5_json  json.dumps then json.loads of a 1,000-record structure, p5=20
        round trips: N = p5, op = one round trip (about 150 KB each way).
"""

import gc
import platform
import resource
import sys
import time

DEFAULTS = {"p1": 27, "p2": 10_000_000, "p3": 20_000, "p4": 20_000, "p5": 20}
NAMES = {"P1": "P1_fib", "P2": "P2_sum", "P3": "P3_bigint", "P4": "P4_regex", "P5": "P5_json"}


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


# --- P3 big ints ---------------------------------------------------------------

def big_fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def big_factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def p3_bigint(n):
    t0 = time.perf_counter()
    f = big_fib(n)
    g = big_factorial(n)
    seconds = time.perf_counter() - t0
    # fib(n) has about n*log2(phi) bits; n! has at least n//5 trailing zeros.
    check(abs(f.bit_length() - n * 0.6942419136) < 3, "P3 fib size")
    check(g % (10 ** (n // 5)) == 0 and g % 7 == 0, "P3 factorial")
    return 2 * n, seconds, seconds / (2 * n)


# --- P4 regex ------------------------------------------------------------------

def p4_regex(n):
    import re
    pattern = re.compile(r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - \[(?P<when>[^\]]+)\] '
                         r'"(?P<method>GET|POST|PUT) (?P<path>/\S*) HTTP/1\.[01]" (?P<status>[1-5]\d\d)')
    methods = ["GET", "POST", "PUT"]
    lines = [f'10.0.{i % 256}.{i % 100} - [07/Dec/2026:10:{i % 60:02}:{i % 59:02}] '
             f'"{methods[i % 3]} /api/item/{i} HTTP/1.1" {200 + i % 300} {i * 7 % 5000}' for i in range(n)]
    t0 = time.perf_counter()
    found = 0
    posts = 0
    for line in lines:
        for m in pattern.finditer(line):
            found += 1
            posts += m.group("method") == "POST"
        line = re.sub(r"\d+", "#", line)
    seconds = time.perf_counter() - t0
    check(found == n and posts == len(range(1, n, 3)), "P4 matches")
    return n, seconds, seconds / n


# --- P5 json -------------------------------------------------------------------

def p5_json(n):
    import json
    data = {"users": [{"id": i, "name": f"user{i}", "email": f"u{i}@example.com", "score": i * 1.5,
                       "active": i % 3 == 0, "tags": ["a", "b", str(i)], "address": {"city": "Città", "zip": None}}
                      for i in range(1000)]}
    t0 = time.perf_counter()
    for _ in range(n):
        text = json.dumps(data, indent=2, sort_keys=True)
        back = json.loads(text)
    seconds = time.perf_counter() - t0
    check(back == data and len(text) > 100_000, "P5 round trip")
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
        run = {"P1": p1_fib, "P2": p2_sum, "P3": p3_bigint, "P4": p4_regex, "P5": p5_json}[short]
        n, seconds, per_op = run(opts[short.lower()])
        print(f"{NAMES[short]} {n} {seconds:.6f} {per_op * 1e9:.3f} {peak_rss_kb()}", flush=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except WorkloadFailed as e:
        print(f"bench_python: wrong result in {e}", file=sys.stderr)
        sys.exit(1)
