#!/usr/bin/env python3
"""Check that CPython prints exactly what each example's .out file says.

Usage (from anywhere):
    python3 examples/check_cpython.py                 # every example, real clock
    python3 examples/check_cpython.py 07_gather       # only some (names or NAME.py)
    python3 examples/check_cpython.py --clock virtual # see below
    python3 examples/check_cpython.py --all           # real + strict + virtual + split

Each example NAME.py runs as `python3 NAME.py` with examples/ as the working directory. Its
stdout must equal NAME.out byte for byte and its stderr must be empty. One line per example,
then a last line `N passed, M failed`; the exit status is 1 if anything failed. On a real
clock a mismatching example is run once more before it counts as failed (see check()), and the
line says so. A full run also checks that catalog.txt lists every example, in order.

The expected outputs must hold on a real clock (what people run) and on the engine's virtual
clock (what the C++ tests use). The extra modes exist to prove that, without waiting:
  --strict         real clock with `-W always`, so any warning at all (deprecation, resource,
                   "never awaited") lands on stderr and fails the example.
  --clock virtual  CPython's own loop, but loop.time() is a virtual clock that jumps to the next
                   timer when nothing is ready; timers due at the same instant run in one
                   iteration, in the order they were scheduled (the engine's rule).
  --clock split    virtual, but every timer fires in its own loop iteration: the worst case a
                   real clock can produce when two "simultaneous" sleeps end a few microseconds
                   apart. An example whose output changes here is racing on the clock.
Both virtual modes also report, on stderr (so the example fails), timers whose order a real
clock could swap: deadlines closer than 20 ms that were not set by the same call pattern.
"""
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
PER_EXAMPLE_TIMEOUT = 20.0  # seconds; an example that hangs fails instead of blocking the run

# Runs an example under a virtual clock. Passed to `python3 -c`; argv: MODE PATH.
VIRTUAL_BOOT = r'''
import asyncio, heapq, runpy, selectors, sys

MODE, PATH = sys.argv[1], sys.argv[2]
NEAR = 0.02  # seconds: real-clock overhead per example stays far below this


def warn(msg):
    print("virtual clock: " + msg, file=sys.stderr)


class _Timer(asyncio.TimerHandle):
    __slots__ = ("_seq", "_set_at", "_delay")

    # Equal deadlines keep scheduling order (heapq alone does not promise that).
    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)


class _Selector(selectors.DefaultSelector):
    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        events = super().select(0)
        if events:
            return events
        loop = self.loop
        pending = [t for t in loop._scheduled if not t._cancelled]
        if timeout is None:
            warn("nothing ready and no timer armed: a real clock would wait forever")
            sys.exit(3)
        if timeout > 0:
            loop._vnow = max(loop._vnow, min(t._when for t in pending))
        else:
            # Busy iteration: a real clock moves on while callbacks run, so a timer that is
            # almost due might fire an iteration earlier than it does here.
            for t in pending:
                if 1e-5 < t._when - loop._vnow < NEAR:  # (split mode's nudges are smaller)
                    warn(f"timer due in {t._when - loop._vnow:.4f}s while the loop is busy")
        return []


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        sel = _Selector()
        super().__init__(sel)
        sel.loop = self
        self._vnow = 0.0
        self._seq = 0

    def time(self):
        return self._vnow

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        self._seq += 1
        delay = when - self._vnow
        if MODE == "split":
            when += self._seq * 1e-7  # a later timer is always a later instant
        for t in self._scheduled:
            if t._cancelled or abs(t._when - when) >= NEAR:
                continue
            if t._set_at == self._vnow and abs(t._delay - delay) < 1e-12:
                continue  # same instant, same delay: every clock keeps their order
            warn(f"timers {t._delay:.3f}s (set at {t._set_at:.3f}) and {delay:.3f}s "
                 f"(set at {self._vnow:.3f}) end within {NEAR}s of each other")
        timer = _Timer(when, callback, args, self, context)
        timer._seq, timer._set_at, timer._delay = self._seq, self._vnow, delay
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class Policy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualLoop


asyncio.set_event_loop_policy(Policy())
sys.argv = [PATH]
runpy.run_path(PATH, run_name="__main__")
'''


def example_names(args):
    all_names = sorted(f[:-3] for f in os.listdir(HERE)
                       if f.endswith(".py") and f[:2].isdigit())
    if not args:
        return all_names
    wanted = [a[:-3] if a.endswith(".py") else a for a in args]
    unknown = [w for w in wanted if w not in all_names]
    if unknown:
        sys.exit("no such example: " + ", ".join(unknown))
    return wanted


def catalog_problems(names):
    """catalog.txt must list every example, in file order, each with a title and a group."""
    path = os.path.join(HERE, "catalog.txt")
    if not os.path.exists(path):
        return ["catalog.txt is missing"]
    listed, problems = [], []
    with open(path, encoding="utf-8") as f:
        blocks = [b for b in f.read().split("\n\n") if b.strip()]
    for block in blocks:
        lines = block.strip("\n").split("\n")
        if (len(lines) < 4 or not lines[0].startswith("== ")
                or not lines[1].startswith("title: ") or not lines[2].startswith("group: ")):
            problems.append("malformed block: " + lines[0])
            continue
        listed.append(lines[0][3:])
    if listed != names:
        problems.append(f"lists {listed}, but the examples are {names}")
    return problems


def command(name, mode):
    path = name + ".py"
    if mode == "real":
        return ["python3", path]
    if mode == "strict":
        return ["python3", "-W", "always", path]
    return ["python3", "-c", VIRTUAL_BOOT, mode, path]


def check(name, mode):
    """Returns (ok, detail, seconds)."""
    expected_path = os.path.join(HERE, name + ".out")
    if not os.path.exists(expected_path):
        return False, "missing " + name + ".out", 0.0
    with open(expected_path, encoding="utf-8") as f:
        expected = f.read()
    problems, seconds = run_once(name, mode, expected)
    if problems and mode in ("real", "strict"):
        # On a real clock a badly overloaded machine can stall a process for longer than the
        # rounding margin of a printed loop-time delta (50 ms). Run once more: a genuine
        # mismatch fails twice, and the virtual modes check the ordering without any clock.
        again, seconds2 = run_once(name, mode, expected)
        if not again:
            return True, "passed on retry; first run: " + problems.lstrip(), seconds + seconds2
        return False, again, seconds + seconds2
    return not problems, problems, seconds


def run_once(name, mode, expected):
    """Returns (problems, seconds); problems is "" when the run matched."""
    t0 = time.monotonic()
    try:
        proc = subprocess.run(command(name, mode), cwd=HERE, capture_output=True,
                              text=True, timeout=PER_EXAMPLE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return f"timed out after {PER_EXAMPLE_TIMEOUT:.0f}s", PER_EXAMPLE_TIMEOUT
    seconds = time.monotonic() - t0
    problems = []
    if proc.stdout != expected:
        problems.append("stdout differs:\n" + first_difference(expected, proc.stdout))
    if proc.stderr:
        problems.append("stderr not empty:\n" + indent(proc.stderr))
    if proc.returncode != 0:
        problems.append(f"exit status {proc.returncode}")
    return "\n".join(problems), seconds


def first_difference(expected, actual):
    exp, act = expected.splitlines(), actual.splitlines()
    for i in range(max(len(exp), len(act))):
        e = exp[i] if i < len(exp) else "<end of file>"
        a = act[i] if i < len(act) else "<end of output>"
        if e != a:
            return indent(f"line {i + 1}\n  expected: {e!r}\n  actual:   {a!r}")
    return indent("line endings or trailing newline differ")


def indent(text):
    return "".join("    " + line + "\n" for line in text.rstrip("\n").split("\n")).rstrip("\n")


def main(argv):
    modes = ["real"]
    args = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--clock" and i + 1 < len(argv) and argv[i + 1] in ("real", "virtual", "split"):
            modes = [argv[i + 1]]
            i += 1
        elif a == "--strict":
            modes = ["strict"]
        elif a == "--all":
            modes = ["real", "strict", "virtual", "split"]
        elif a.startswith("-"):
            sys.exit(__doc__)
        else:
            args.append(a)
        i += 1
    names = example_names(args)
    jobs = [(name, mode) for mode in modes for name in names]
    # The examples mostly sleep, so running several at once keeps the whole check short.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: check(*job), jobs))
    passed = failed = 0
    for (name, mode), (ok, detail, seconds) in zip(jobs, results):
        label = name if len(modes) == 1 else f"{name} [{mode}]"
        print(f"{'ok  ' if ok else 'FAIL'} {label} ({seconds:.2f}s)")
        if detail:
            print(indent(detail) if ok else detail)
        passed += ok
        failed += not ok
    if not args:
        for problem in catalog_problems(names):
            print("FAIL catalog.txt:", problem)
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
