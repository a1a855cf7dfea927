#!/usr/bin/env python3
"""Run every benchmark peer found, side by side, and print one table.

    python3 bench/run.py                 full sizes, best of 3 runs
    python3 bench/run.py --quick         small sizes, one run (a smoke test: seconds)
    python3 bench/run.py --only W1,W3    some workloads
    python3 bench/run.py --markdown      the table as Markdown, for bench/README.md
    python3 bench/run.py --wait-idle     measure only while nothing else runs (Linux)
    python3 bench/run.py --peers CPython,aio-py --aio-py build/x/engine/script/aio-py
                                         the script layer against CPython only

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

# Peers, one line each: name, command and the workload group it runs; paths
# relative to the repository root. The first is the reference of the engine
# table: ratios are taken against it and the targets apply to it. Any
# argument containing '/' must exist for the peer to run. A peer may appear
# once per group (CPython and aio-py run bench_python.py for the plain-Python
# workloads). A new peer speaking the protocol is one more line here, e.g.
#     ("aio-wasm", ["node", "build/wasm/bench/aio_bench.js"], "asyncio"),
AIO_PY = "build/release/engine/script/aio-py"  # --aio-py picks another build
PEERS = [
    ("aio",     ["build/release/bench/aio_bench"], "asyncio"),
    ("CPython", ["python3", "bench/bench_asyncio.py"], "asyncio"),
    ("Node",    ["node", "--expose-gc", "bench/bench_node.mjs"], "asyncio"),
    ("aio-py",  [AIO_PY, "bench/bench_asyncio.py"], "asyncio"),
    ("CPython", ["python3", "bench/bench_python.py"], "python"),
    ("aio-py",  [AIO_PY, "bench/bench_python.py"], "python"),
]

# short name, protocol name, unit, target for the reference peer,
# full sizes (the issue's), quick sizes (smoke run), group.
WORKLOADS = [
    ("W1", "W1_spawn_gather",   "ns/task",  60,
     {"n1": 200_000}, {"n1": 10_000}, "asyncio"),
    ("W2", "W2_yield_switch",   "ns/yield", 6,
     {"m2": 1_000, "k2": 1_000}, {"m2": 100, "k2": 100}, "asyncio"),
    ("W3", "W3_timers",         "ns/timer", 200,
     {"n3": 100_000}, {"n3": 5_000}, "asyncio"),
    ("W4", "W4_queue_pingpong", "ns/item",  10,
     {"n4": 1_000_000, "q4": 100}, {"n4": 50_000, "q4": 100}, "asyncio"),
    ("W5", "W5_await_chain",    "ns/await", 10,
     {"d5": 100, "r5": 10_000}, {"d5": 100, "r5": 500}, "asyncio"),
    ("M1", "M1_memory",         "B/task",   150,
     {"nm": 100_000}, {"nm": 10_000}, "asyncio"),
    ("P1", "P1_fib",            "ns/call",  None,
     {"p1": 27}, {"p1": 20}, "python"),
    ("P2", "P2_sum",            "ns/iter",  None,
     {"p2": 10_000_000}, {"p2": 200_000}, "python"),
    ("P3", "P3_bigint",         "ns/op",    None,
     {"p3": 20_000}, {"p3": 2_000}, "python"),
    ("P4", "P4_regex",          "ns/line",  None,
     {"p4": 20_000}, {"p4": 1_000}, "python"),
    ("P5", "P5_json",           "ns/trip",  None,
     {"p5": 20}, {"p5": 2}, "python"),
]

# The script layer's targets (issue 3, section 6), as the least acceptable
# CPython/aio-py ratio: W1-W4 at least 5x faster than CPython 3.11, W5 no
# slower, the plain-Python workloads at most 2x slower; M1 has none.
SCRIPT_PEER, SCRIPT_REF = "aio-py", "CPython"
SCRIPT_TARGETS = {"W1": 5.0, "W2": 5.0, "W3": 5.0, "W4": 5.0, "W5": 1.0,
                  "M1": None, "P1": 0.5, "P2": 0.5, "P3": 0.5, "P4": 0.5, "P5": 0.5}


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

def script_table(workloads, results):
    """The script layer's table: aio-py against CPython, with issue 3's targets
    as CPython/aio-py ratios."""
    header = ["workload", "unit", SCRIPT_PEER, SCRIPT_REF,
              f"{SCRIPT_REF}/{SCRIPT_PEER}", "target", "met"]
    rows = []
    for short, wname, unit, *_rest in workloads:
        mine, theirs = results.get((SCRIPT_PEER, short)), results.get((SCRIPT_REF, short))
        goal = SCRIPT_TARGETS.get(short)
        ratio = theirs / mine if isinstance(mine, float) and isinstance(theirs, float) and mine > 0 else None
        if goal is None:
            target, met = "none", "-"
        else:
            target = f"≥ {goal:g}x" if goal >= 1 else f"≥ {goal:g}x (≤ {1 / goal:g}x slower)"
            met = "-" if ratio is None else ("✓" if ratio >= goal else "✗")
        rows.append([wname, unit, fmt_value(mine), fmt_value(theirs),
                     fmt_ratio(theirs, mine), target, met])
    return header, rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="small sizes and one run: a smoke test of a few seconds")
    ap.add_argument("--only", help="workloads, e.g. W1,W3,M1,P1")
    ap.add_argument("--peers", help="peer names, e.g. aio,CPython,aio-py")
    ap.add_argument("--aio-py", metavar="PATH", default=AIO_PY,
                    help=f"the aio-py binary to run (default {AIO_PY})")
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
    all_peers = [(name, [args.aio_py if c == AIO_PY else c for c in cmd], group)
                 for name, cmd, group in PEERS]
    peers = all_peers
    if args.peers:
        wanted = [p.strip() for p in args.peers.split(",")]
        unknown = set(wanted) - {p[0] for p in PEERS}
        if unknown:
            ap.error(f"unknown peer(s): {', '.join(sorted(unknown))}")
        peers = [p for p in all_peers if p[0] in wanted]
    groups = {w[6] for w in workloads}
    peers = [p for p in peers if p[2] in groups]
    repeat = args.repeat or (1 if args.quick else 3)
    if args.wait_idle and not os.path.exists("/proc/stat"):
        ap.error("--wait-idle needs /proc/stat (Linux)")

    notes = []
    present = []  # (name, cmd, group)
    for name, cmd, group in peers:
        why = peer_available(cmd)
        if why:
            notes.append(f"{name} skipped for the {group} workloads: {why}")
        else:
            present.append((name, cmd, group))
    names = []
    for name, _cmd, _group in present:
        if name not in names:
            names.append(name)
    ref = PEERS[0][0]
    engine_workloads = [w for w in workloads if w[6] == "asyncio"]
    has_ref = ref in names
    if engine_workloads and not has_ref and any(p[0] == ref for p in peers):
        notes.append(f"no engine ratios or target checks without {ref}")

    load_before = load_average()
    ncpu = cpu_count()
    if not args.wait_idle and hasattr(os, "getloadavg") and os.getloadavg()[0] > ncpu:
        notes.append(f"load average {load_before} exceeds {ncpu} cores: "
                     "other work competes with the benchmarks, numbers are inflated")
    results = {}   # (peer, short) -> float, or an error string
    versions = {}  # peer -> its '# peer ...' comments, one per program
    failed = False
    # Runs interleave: each round runs every peer once on the workload, so a
    # burst of load from elsewhere hits all peers of a row alike and the
    # ratios hold better than a peer-after-peer order would let them.
    for short, wname, _unit, _target, full, quick, wgroup in workloads:
        sizes = quick if args.quick else full
        cells = []  # [name, argv, best, runs, retries, noisy, done]
        for name, cmd, group in present:
            if group == wgroup:
                argv = workload_argv(cmd, short, sizes)
                if args.verbose:
                    print("  " + " ".join(argv), file=sys.stderr)
                cells.append({"name": name, "argv": argv, "best": None, "runs": 0,
                              "retries": 0, "noisy": False, "done": False})
        while any(not c["done"] for c in cells):
            for c in cells:
                if c["done"]:
                    continue
                name = c["name"]
                print(f"running {name} {short} ({c['runs'] + 1}/{repeat})", file=sys.stderr, flush=True)
                if args.wait_idle and not wait_idle(args.idle_timeout):
                    c["noisy"] = True
                t0 = cpu_times() if args.wait_idle else None
                try:
                    value, comments = run_workload(c["argv"], short, wname, args.timeout)
                except PeerError as e:
                    notes.append(f"{name} {short} failed: {e}")
                    failed = True
                    c["best"], c["done"] = "error", True
                    continue
                if t0 is not None:
                    busy = busy_since(t0)
                    if busy > own_share(ncpu):
                        c["retries"] += 1
                        print(f"  discarded: {busy:.0f}% of the CPUs were busy", file=sys.stderr)
                        if c["retries"] <= 5 * repeat:
                            continue
                        c["noisy"] = True
                c["runs"] += 1
                c["done"] = c["runs"] >= repeat
                if args.verbose:
                    print(f"  {name} {short}: {fmt_value(value)}", file=sys.stderr)
                for line in comments:
                    if line.startswith("# peer "):
                        seen = versions.setdefault(name, [])
                        if line[len("# peer "):] not in seen:
                            seen.append(line[len("# peer "):])
                    elif args.verbose and not line.startswith("# NAME "):
                        print(f"  {name} {short}: {line}", file=sys.stderr)
                c["best"] = value if c["best"] is None else min(c["best"], value)
        for c in cells:
            results[(c["name"], short)] = c["best"]
            if c["noisy"]:
                notes.append(f"{c['name']} {short} measured while other work ran (no idle spell)")
    load_after = load_average()

    tables = []
    engine_names = [n for n, _c, g in present if g == "asyncio"]
    script_table_due = SCRIPT_PEER in names and SCRIPT_REF in names
    # Without the engine, its table would only repeat the script layer's.
    if engine_workloads and engine_names and (has_ref or not script_table_due):
        others = [n for n in engine_names if n != ref]
        header = ["workload", "unit"]
        if has_ref:
            header += ["target", ref, "met"]
        header += [n for n in others]
        if has_ref:
            header += [f"{n}/{ref}" for n in others]
        rows = []
        for short, wname, unit, target, *_rest in engine_workloads:
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
        tables.append(("The aio engine (C++) and its peers", header, rows))
    if script_table_due:
        header, rows = script_table(workloads, results)
        tables.append((f"The script layer: {SCRIPT_PEER} vs {SCRIPT_REF} "
                       "(targets are CPython/aio-py ratios)", header, rows))
    else:
        others = [n for n, _c, g in present if g == "python"]
        if others and any(w[6] == "python" for w in workloads):  # without both peers
            header = ["workload", "unit"] + others
            rows = [[wname, unit] + [fmt_value(results.get((n, short))) for n in others]
                    for short, wname, unit, _t, _f, _q, g in workloads if g == "python"]
            tables.append(("Plain Python", header, rows))

    sizes_used = "quick sizes" if args.quick else "full sizes"
    when = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    context = [f"machine: {machine_line()}",
               f"run: {when}, {sizes_used}, best of {repeat}, one process per workload"
               f"{', each run on an otherwise idle machine' if args.wait_idle else ''}; "
               f"load average {load_before} before, {load_after} after"]
    context += [f"{n}: {'; '.join(versions[n])}" for n in names if n in versions]
    if args.markdown:
        for c in context:
            print(f"- {c}")
    else:
        for c in context:
            print(c)
    for title, header, rows in tables:
        print()
        if len(tables) > 1:
            print(f"**{title}**" if args.markdown else f"{title}:")
            if args.markdown:
                print()
        print_table(header, rows, args.markdown)
    if notes:
        print()
        for n in notes:
            print(f"- note: {n}" if args.markdown else f"note: {n}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
