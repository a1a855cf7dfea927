#!/usr/bin/env python3
"""Run every benchmark peer found, side by side, and print one table.

    python3 bench/run.py                 full sizes, best of 3 runs
    python3 bench/run.py --quick         small sizes, one run (a smoke test: seconds)
    python3 bench/run.py --only W1,W3    some workloads
    python3 bench/run.py --markdown      the table as Markdown, for bench/README.md
    python3 bench/run.py --wait-idle     measure only while nothing else runs (Linux)

Each (peer, workload) pair runs in a process of its own, so a workload never
pays for the garbage, heap growth or peak RSS of another one; M1 in
particular needs that. The peers speak the protocol in bench/README.md.
A peer whose program is missing is skipped with a note; a peer that fails
or prints a wrong line makes the exit status 1.
"""

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Peers, one line each: name and command, paths relative to the repository
# root. The first is the reference: ratios are taken against it and the
# targets apply to it. Any argument containing '/' must exist for the peer to
# run. A new peer speaking the protocol is one more line here, e.g.
#     ("aio-py",   ["build/release/bench/aio_py_bench"]),
#     ("aio-wasm", ["node", "build/wasm/bench/aio_bench.js"]),
PEERS = [
    ("aio",     ["build/release/bench/aio_bench"]),
    ("CPython", ["python3", "bench/bench_asyncio.py"]),
    ("Node",    ["node", "--expose-gc", "bench/bench_node.mjs"]),
]

# short name, protocol name, unit, target for the reference peer,
# full sizes (the issue's), quick sizes (smoke run).
WORKLOADS = [
    ("W1", "W1_spawn_gather",   "ns/task",  60,
     {"n1": 200_000}, {"n1": 10_000}),
    ("W2", "W2_yield_switch",   "ns/yield", 6,
     {"m2": 1_000, "k2": 1_000}, {"m2": 100, "k2": 100}),
    ("W3", "W3_timers",         "ns/timer", 200,
     {"n3": 100_000}, {"n3": 5_000}),
    ("W4", "W4_queue_pingpong", "ns/item",  10,
     {"n4": 1_000_000, "q4": 100}, {"n4": 50_000, "q4": 100}),
    ("W5", "W5_await_chain",    "ns/await", 10,
     {"d5": 100, "r5": 10_000}, {"d5": 100, "r5": 500}),
    ("M1", "M1_memory",         "B/task",   150,
     {"nm": 100_000}, {"nm": 10_000}),
]


class PeerError(Exception):
    pass


def peer_available(cmd):
    """The reason a peer cannot run, or None when it can."""
    exe = cmd[0]
    if "/" in exe:
        if not os.access(os.path.join(ROOT, exe), os.X_OK):
            return f"{exe} not built"
    elif shutil.which(exe) is None:
        return f"{exe} not on PATH"
    for arg in cmd[1:]:
        if "/" in arg and not os.path.exists(os.path.join(ROOT, arg)):
            return f"{arg} missing"
    return None


def workload_argv(cmd, short, sizes):
    argv = list(cmd)
    if "/" in argv[0]:
        argv[0] = os.path.join(ROOT, argv[0])
    return argv + [f"only={short}"] + [f"{k}={v}" for k, v in sizes.items()]


def run_workload(argv, short, name, timeout):
    """Run one workload in a fresh process; return (value, comments), value
    being ns/op, or bytes/task for M1."""
    try:
        proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PeerError(f"timed out after {timeout} s")
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no stderr"])[-1]
        raise PeerError(f"exit status {proc.returncode}: {tail}")
    comments, value = [], None
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        if line.startswith("#"):
            comments.append(line)
            continue
        fields = line.split()
        if fields[0] != name:
            raise PeerError(f"unexpected line {line!r}")
        want = 6 if short == "M1" else 5
        if len(fields) != want:
            raise PeerError(f"expected {want} fields, got {line!r}")
        try:
            int(fields[1]), float(fields[2]), int(fields[4])
            value = float(fields[5] if short == "M1" else fields[3])
        except ValueError:
            raise PeerError(f"malformed line {line!r}")
    if value is None:
        raise PeerError(f"no {name} line in its output")
    return value, comments


# --- a quiet machine ---------------------------------------------------------------
# On a shared machine another job's compile can triple a workload's time (two
# vCPUs that share a core's caches slow each other down even when the
# scheduler is fair). --wait-idle starts each run only after a second with the
# CPUs all but idle, and retries a run during which more than our own share of
# them was busy.

IDLE_BUSY = 10.0  # percent of all CPUs: "nothing else runs"


def cpu_times():
    """(total, idle) jiffies over all CPUs, from /proc/stat."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return sum(v), v[3] + v[4]  # idle + iowait


def busy_since(t0):
    """Percent of all CPUs busy since the cpu_times() sample t0."""
    t1 = cpu_times()
    total = t1[0] - t0[0]
    return 0.0 if total <= 0 else 100.0 * (1 - (t1[1] - t0[1]) / total)


def wait_idle(limit_s):
    """Wait until the CPUs were idle for a whole second; False on giving up."""
    deadline = time.monotonic() + limit_s
    while True:
        t0 = cpu_times()
        time.sleep(1.0)
        if busy_since(t0) < IDLE_BUSY:
            return True
        if time.monotonic() > deadline:
            return False


def own_share(ncpu):
    """The busy percent our one benchmark process may cause, with room for a
    runtime's helper threads (V8's garbage collector)."""
    return 100.0 / ncpu + 25.0


# --- formatting ----------------------------------------------------------------

def fmt_value(v):
    if v is None:
        return "-"
    if isinstance(v, str):
        return v
    a = abs(v)
    if a >= 100:
        return f"{v:.0f}"
    if a >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def fmt_ratio(peer, ref):
    if not isinstance(peer, float) or not isinstance(ref, float) or ref <= 0:
        return "-"
    r = peer / ref
    return f"{r:.0f}x" if r >= 10 else f"{r:.1f}x"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def cpu_count():
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()


def machine_line():
    ncpu = cpu_count()
    return f"{cpu_model()}, nproc {ncpu}, {platform.system()} {platform.release()}"


def load_average():
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "unknown"


def print_table(header, rows, markdown):
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
        for row in rows:
            print("| " + " | ".join(row) + " |")
        return
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                               for i, (c, w) in enumerate(zip(r, widths)))
    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


# --- main ----------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="small sizes and one run: a smoke test of a few seconds")
    ap.add_argument("--only", help="workloads, e.g. W1,W3,M1")
    ap.add_argument("--peers", help="peer names, e.g. aio,CPython")
    ap.add_argument("--repeat", type=int,
                    help="runs per (peer, workload); the best counts (default 3, 1 with --quick)")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per process")
    ap.add_argument("--wait-idle", action="store_true",
                    help="run only while the machine is otherwise idle (Linux /proc/stat)")
    ap.add_argument("--idle-timeout", type=float, default=1800,
                    help="with --wait-idle: seconds to wait for idle before running anyway")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="show each command and the peers' comment lines")
    args = ap.parse_args()

    workloads = WORKLOADS
    if args.only:
        wanted = [w.strip().split("_")[0].upper() for w in args.only.split(",")]
        unknown = set(wanted) - {w[0] for w in WORKLOADS}
        if unknown:
            ap.error(f"unknown workload(s): {', '.join(sorted(unknown))}")
        workloads = [w for w in WORKLOADS if w[0] in wanted]
    peers = PEERS
    if args.peers:
        wanted = [p.strip() for p in args.peers.split(",")]
        unknown = set(wanted) - {p[0] for p in PEERS}
        if unknown:
            ap.error(f"unknown peer(s): {', '.join(sorted(unknown))}")
        peers = [p for p in PEERS if p[0] in wanted]
    repeat = args.repeat or (1 if args.quick else 3)
    if args.wait_idle and not os.path.exists("/proc/stat"):
        ap.error("--wait-idle needs /proc/stat (Linux)")

    notes = []
    present = []
    for name, cmd in peers:
        why = peer_available(cmd)
        if why:
            notes.append(f"{name} skipped: {why}")
        else:
            present.append((name, cmd))
    ref = PEERS[0][0]
    has_ref = any(name == ref for name, _ in present)
    if not has_ref and any(p[0] == ref for p in peers):
        notes.append(f"no ratios or target checks without {ref}")

    load_before = load_average()
    ncpu = cpu_count()
    if not args.wait_idle and hasattr(os, "getloadavg") and os.getloadavg()[0] > ncpu:
        notes.append(f"load average {load_before} exceeds {ncpu} cores: "
                     "other work competes with the benchmarks, numbers are inflated")
    results = {}   # (peer, short) -> float, or an error string
    versions = {}  # peer -> its '# peer ...' comment
    failed = False
    for name, cmd in present:
        for short, wname, _unit, _target, full, quick in workloads:
            sizes = quick if args.quick else full
            argv = workload_argv(cmd, short, sizes)
            if args.verbose:
                print("  " + " ".join(argv), file=sys.stderr)
            best, runs, retries, noisy = None, 0, 0, False
            while runs < repeat:
                print(f"running {name} {short} ({runs + 1}/{repeat})", file=sys.stderr, flush=True)
                if args.wait_idle and not wait_idle(args.idle_timeout):
                    noisy = True
                t0 = cpu_times() if args.wait_idle else None
                try:
                    value, comments = run_workload(argv, short, wname, args.timeout)
                except PeerError as e:
                    notes.append(f"{name} {short} failed: {e}")
                    failed = True
                    best = "error"
                    break
                if t0 is not None:
                    busy = busy_since(t0)
                    if busy > own_share(ncpu):
                        retries += 1
                        print(f"  discarded: {busy:.0f}% of the CPUs were busy", file=sys.stderr)
                        if retries <= 5 * repeat:
                            continue
                        noisy = True
                runs += 1
                if args.verbose:
                    print(f"  {name} {short}: {fmt_value(value)}", file=sys.stderr)
                for c in comments:
                    if c.startswith("# peer "):
                        versions.setdefault(name, c[len("# peer "):])
                    elif args.verbose and not c.startswith("# NAME "):
                        print(f"  {name} {short}: {c}", file=sys.stderr)
                best = value if best is None else min(best, value)
            results[(name, short)] = best
            if noisy:
                notes.append(f"{name} {short} measured while other work ran (no idle spell)")
    load_after = load_average()

    names = [name for name, _ in present]
    others = [n for n in names if n != ref]
    header = ["workload", "unit"]
    if has_ref:
        header += ["target", ref, "met"]
    header += [n for n in others]
    if has_ref:
        header += [f"{n}/{ref}" for n in others]
    rows = []
    for short, wname, unit, target, _full, _quick in workloads:
        row = [wname, unit]
        if has_ref:
            r = results.get((ref, short))
            met = "-" if not isinstance(r, float) else ("✓" if r <= target else "✗")
            row += [f"≤ {target}", fmt_value(r), met]
        row += [fmt_value(results.get((n, short))) for n in others]
        if has_ref:
            row += [fmt_ratio(results.get((n, short)), results.get((ref, short)))
                    for n in others]
        rows.append(row)

    sizes_used = "quick sizes" if args.quick else "full sizes"
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    context = [f"machine: {machine_line()}",
               f"run: {when}, {sizes_used}, best of {repeat}, one process per workload"
               f"{', each run on an otherwise idle machine' if args.wait_idle else ''}; "
               f"load average {load_before} before, {load_after} after"]
    context += [f"{n}: {versions[n]}" for n in names if n in versions]
    if args.markdown:
        for c in context:
            print(f"- {c}")
        print()
    else:
        for c in context:
            print(c)
        print()
    print_table(header, rows, args.markdown)
    if notes:
        print()
        for n in notes:
            print(f"- note: {n}" if args.markdown else f"note: {n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
