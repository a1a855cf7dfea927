#!/usr/bin/env python3
"""Run the script conformance corpus against an interpreter.

Every tests/script/corpus/<area>/<name>.py sits beside its expectations:
  <name>.out     exact stdout (always present, may be empty)
  <name>.err     exact stderr (absent = stderr must be empty)
  <name>.status  exit status (absent = 0)
The expectations are CPython 3.11's, so the corpus is checked in both directions:
run it with python3 to check the expectations, with aio-py to check the interpreter.

Each script runs with cwd = its folder and argv = its bare file name, as
`cd area && python3 name.py` would. CPython (3.9+) makes the main script's
path absolute in tracebacks, warnings and task reprs; the runner strips the
script folder's absolute prefix from both streams, so the expectations read
`File "name.py", line 3` whichever way an interpreter spells the path.

A script whose first line is `# skip-interp: reason` runs only under CPython
(--python), never under --interp.

Usage:
  run_corpus.py [--python python3] [--area AREA] [-k SUBSTR] [-j N]
  run_corpus.py --interp build/aio-py --interp-args "--clock virtual"
  run_corpus.py --update -k area/name     # (re)write expectations from CPython
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
SKIP_MARK = "# skip-interp:"
DIFF_LINES = 24  # a failure shows at most this many diff lines per stream

# Variables that would change what CPython prints (warnings filters, debug
# modes, tracemalloc notes); the corpus expects a plain `python3 name.py`.
SCRUBBED_ENV = ("PYTHONWARNINGS", "PYTHONASYNCIODEBUG", "PYTHONDEVMODE",
                "PYTHONTRACEMALLOC", "PYTHONSTARTUP", "PYTHONINSPECT",
                "PYTHONOPTIMIZE", "PYTHONVERBOSE", "PYTHONSAFEPATH")


def discover(pattern, area=None):
    root = CORPUS / area if area else CORPUS
    if area and not root.is_dir():
        raise SystemExit(f"run_corpus.py: no corpus area {area!r}")
    scripts = sorted(root.rglob("*.py"))
    rels = [p.relative_to(CORPUS).as_posix() for p in scripts]
    return [p for p, r in zip(scripts, rels) if not pattern or pattern in r]


def skip_reason(script):
    with open(script, encoding="utf-8") as f:
        first = f.readline()
    if first.startswith(SKIP_MARK):
        return first[len(SKIP_MARK):].strip() or "skip-interp"
    return None


def child_env():
    env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV}
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.setdefault("LC_ALL", "C.UTF-8")
    return env


def strip_dir(text, folder):
    # CPython reports the main script as /abs/folder/name.py: drop the prefix.
    for prefix in {str(folder) + os.sep, os.path.realpath(folder) + os.sep}:
        text = text.replace(prefix, "")
    return text


def run_one(script, argv_prefix, timeout):
    """Run one script; return (stdout, stderr, status) with paths stripped."""
    folder = script.parent
    cmd = argv_prefix + [script.name]
    try:
        proc = subprocess.run(cmd, cwd=folder, stdin=subprocess.DEVNULL,
                              capture_output=True, timeout=timeout,
                              env=child_env())
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        return strip_dir(out, folder), f"<timeout after {timeout}s>\n", "timeout"
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    return strip_dir(out, folder), strip_dir(err, folder), proc.returncode


def expected(script):
    def read(ext, default):
        p = script.with_suffix(ext)
        return p.read_text(encoding="utf-8") if p.exists() else default
    status = int(read(".status", "0").strip() or 0)
    return read(".out", None), read(".err", ""), status


def short_diff(name, want, got):
    lines = list(difflib.unified_diff(want.splitlines(keepends=True),
                                      got.splitlines(keepends=True),
                                      f"expected {name}", f"actual {name}", n=1))
    more = len(lines) - DIFF_LINES
    lines = lines[:DIFF_LINES]
    text = "".join(l if l.endswith("\n") else l + "\n\\ no newline at end\n" for l in lines)
    if more > 0:
        text += f"    ... {more} more diff lines\n"
    return "".join("    " + l + "\n" for l in text.splitlines())


def check(script, argv_prefix, timeout, update):
    rel = script.relative_to(CORPUS).as_posix()
    t0 = time.monotonic()
    out, err, status = run_one(script, argv_prefix, timeout)
    took = time.monotonic() - t0
    if update:
        write_expectations(script, out, err, status)
        return rel, None, took
    want_out, want_err, want_status = expected(script)
    if want_out is None:
        return rel, f"FAIL {rel}: missing {script.with_suffix('.out').name}\n", took
    problems = []
    if out != want_out:
        problems.append("stdout differs\n" + short_diff("stdout", want_out, out))
    if err != want_err:
        problems.append("stderr differs\n" + short_diff("stderr", want_err, err))
    if status != want_status:
        problems.append(f"exit status {status}, expected {want_status}\n")
    if not problems:
        return rel, None, took
    return rel, "".join(f"FAIL {rel}: {p}" for p in problems), took


def write_expectations(script, out, err, status):
    if status == "timeout":
        raise SystemExit(f"{script}: timed out; not writing expectations")
    script.with_suffix(".out").write_text(out, encoding="utf-8")
    for ext, content, present in ((".err", err, bool(err)),
                                  (".status", f"{status}\n", status != 0)):
        p = script.with_suffix(ext)
        if present:
            p.write_text(content, encoding="utf-8")
        elif p.exists():
            p.unlink()
    # Expectations must not depend on the machine or the run.
    for text in (out, err):
        if (re.search(r"0x[0-9a-f]{6,}", text) or "/tmp/" in text or str(CORPUS) in text
                or "/lib/python" in text):
            print(f"warning: {script.name}: output looks machine-specific", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--python", default="python3",
                    help="CPython to check the expectations with (default python3)")
    ap.add_argument("--interp", help="another interpreter, e.g. build/aio-py; "
                    "skips scripts marked '# skip-interp:'")
    ap.add_argument("--interp-args", default="",
                    help='extra arguments for --interp, e.g. "--clock virtual"')
    ap.add_argument("--area", help="only the scripts of one corpus folder, e.g. asyncio_tasks")
    ap.add_argument("-k", dest="pattern", default="",
                    help="only scripts whose corpus-relative path contains this")
    ap.add_argument("-j", dest="jobs", type=int, default=1, help="parallel runs")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per script")
    ap.add_argument("--update", action="store_true",
                    help="write .out/.err/.status from this run (CPython only)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every script")
    argv = sys.argv[1:]
    # Let `--interp-args -E` work: argparse would take "-E" for an option.
    for i, a in enumerate(argv[:-1]):
        if a == "--interp-args":
            argv[i:i + 2] = [f"--interp-args={argv[i + 1]}"]
            break
    args = ap.parse_args(argv)

    if args.interp:
        if args.update:
            ap.error("--update writes CPython's output; it cannot be used with --interp")
        argv_prefix = [os.path.abspath(args.interp)] + shlex.split(args.interp_args)
    else:
        argv_prefix = [args.python]

    scripts = discover(args.pattern, args.area)
    skipped = []
    if args.interp:
        skipped = [s for s in scripts if skip_reason(s)]
        scripts = [s for s in scripts if not skip_reason(s)]

    # CPython sleeps for real: a machine busy elsewhere can stall a run past a
    # printed tenth of a second. A mismatch there runs once more, alone, before
    # it counts; the expectations are CPython's own, so a real change fails twice.
    # A virtual-clock interpreter gets no second try.
    real_clock = not args.interp or "virtual" not in args.interp_args
    t0 = time.monotonic()
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        jobs = [pool.submit(check, s, argv_prefix, args.timeout, args.update) for s in scripts]
        results = [job.result() for job in jobs]  # corpus order, whatever finished first
    for script, (rel, failure, took) in zip(scripts, results):
        if failure and real_clock and not args.update:
            rel, second, took = check(script, argv_prefix, args.timeout, False)
            if not second:
                print(f"ok   {rel} (second try, alone; the first run differed:)")
                sys.stdout.write("     " + failure.rstrip("\n").replace("\n", "\n     ") + "\n")
                continue
            failure = failure.rstrip("\n") + "\n  (and again when run alone)\n"
        if failure:
            failures.append(rel)
            sys.stdout.write(failure)
        elif args.verbose:
            print(f"ok   {rel} ({took:.2f}s)")
        sys.stdout.flush()
    if args.verbose:
        for s in skipped:
            print(f"skip {s.relative_to(CORPUS).as_posix()}: {skip_reason(s)}")
        print(f"took {time.monotonic() - t0:.1f}s")

    summary = f"{len(scripts) - len(failures)} passed, {len(failures)} failed"
    if skipped:
        summary += f", {len(skipped)} skipped"
    print(summary)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
