#!/usr/bin/env python3
"""Check that the C++ examples, or the Python ones under aio-py, print exactly what each
examples/NAME.out says.

Usage:
    check_cpp_examples.py --runner PATH [--emulator CMD] [--clock virtual|real] NAME...
    check_cpp_examples.py --runner PATH --clock real --all
    check_cpp_examples.py --aio-py PATH [--clock virtual|real] (NAME... | --all)

Each NAME runs as `aio-examples --clock CLOCK run NAME` (prefixed by the emulator, e.g.
Node for a Wasm build), or with --aio-py as `aio-py --clock CLOCK examples/NAME.py`. Its stdout must equal NAME.out byte for byte, its stderr must be empty
and its exit status 0. On a real clock an example that mismatches runs once more before it
counts as failed: a badly overloaded machine can stall a process long enough to move a printed
time, which says nothing about the engine. One line per example; exit status 1 on any failure.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

EXAMPLES = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples"))
TIMEOUT = 60.0  # seconds per example: a hang fails instead of blocking ctest


def all_names():
    return sorted(f[:-3] for f in os.listdir(EXAMPLES) if f.endswith(".py") and f[:2].isdigit())


def run_once(args, name, expected):
    if args.aio_py:
        cmd = shlex.split(args.emulator) + [args.aio_py, "--clock", args.clock,
                                            os.path.join(EXAMPLES, name + ".py")]
    else:
        cmd = shlex.split(args.emulator) + [args.runner, "--clock", args.clock, "run", name]
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"timed out after {TIMEOUT:.0f} s"]
    except OSError as e:
        return [f"cannot run {cmd[0]}: {e.strerror}"]
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode == 2 and "no example called" in err:
        return ["no C++ port of this example in the runner (examples/CMakeLists.txt AIO_EXAMPLES)"]
    problems = []
    out = p.stdout.decode("utf-8", "replace")
    if out != expected:
        diff = difflib.unified_diff(expected.splitlines(True), out.splitlines(True),
                                    name + ".out", "aio-py stdout" if args.aio_py else "C++ stdout")
        problems.append("stdout differs:\n" + "".join(diff).rstrip("\n"))
    if p.stderr:
        problems.append("stderr:\n" + err.rstrip("\n"))
    if p.returncode != 0:
        problems.append(f"exit status {p.returncode}")
    return problems


def check(args, name, retry):
    """Returns (name, problems, retried)."""
    path = os.path.join(EXAMPLES, name + ".out")
    if not os.path.exists(path):
        return name, ["missing " + path], False
    with open(path, encoding="utf-8") as f:
        expected = f.read()
    problems = run_once(args, name, expected)
    if problems and retry:
        return name, run_once(args, name, expected), True
    return name, problems, False


def main():
    ap = argparse.ArgumentParser()
    who = ap.add_mutually_exclusive_group(required=True)
    who.add_argument("--runner", help="path to aio-examples (the C++ ports)")
    who.add_argument("--aio-py", help="path to aio-py (the .py files under the script layer)")
    ap.add_argument("--emulator", default="", help="command that runs the runner (Wasm: node ...)")
    ap.add_argument("--clock", default="virtual", choices=["virtual", "real"])
    ap.add_argument("--all", action="store_true")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = all_names() if args.all else args.names
    if not names:
        ap.error("give example names or --all")
    # Examples mostly sleep, so they can run side by side; on a real clock a mismatch is then
    # retried alone, when the machine is quieter.
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda n: check(args, n, False), names))
    if args.clock == "real":
        results = [check(args, r[0], True) if r[1] else r for r in results]
    failed = 0
    for name, problems, retried in results:
        if problems:
            failed += 1
            print(f"FAIL {name}" + (" (also on a second try)" if retried else ""))
            for p in problems:
                print("  " + p.replace("\n", "\n  "))
        else:
            print(f"ok   {name}" + (" (second try)" if retried else ""))
    print(f"{len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
