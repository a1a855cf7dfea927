#!/usr/bin/env bash
# The project's test command: installs what is missing (scripts/setup.sh),
# then configures, builds and tests each configuration in order, stopping at
# the first failure with a message that says where. Re-running is incremental.
#
#   scripts/test.sh                  every stage: release asan wasm python
#   scripts/test.sh release python   only these stages, in the order given
#   scripts/test.sh --keep-going     run every stage even after a failure
#
# Stages:
#   release  CMake preset `release` (g++ -O3): ctest
#   asan     preset `asan` (clang 14, ASan + UBSan, leak checks on): ctest
#   wasm     preset `wasm` (Emscripten 3.1.6 -O2): ctest, each test under Node,
#            and the playground + docs page in headless Chromium (label browser)
#   python   examples/check_cpython.py (CPython agrees with every .out) and
#            tests/script/run_corpus.py with CPython (each preset's ctest runs
#            the same corpus under its own aio-py: script.corpus.<area>)
# Ends with one line per suite and a last line `N passed, M failed`.
set -euo pipefail

# Arguments for setup.sh: --browser installs Chromium and playwright-core for
# the wasm stage's browser tests (tests/browser). Those fail rather than skip
# when CI=true and the browser is missing.
SETUP_ARGS=(--browser)
ALL_STAGES=(release asan wasm python)
JOBS=2  # the machines have 2 cores

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

keep_going=0
stages=()
for arg in "$@"; do
  case "$arg" in
    --keep-going) keep_going=1 ;;
    -h | --help) sed -n '2,16s/^# \{0,1\}//p' "$0"; exit 0 ;;
    release | asan | wasm | python) stages+=("$arg") ;;
    *) echo "test.sh: unknown argument '$arg' (stages: ${ALL_STAGES[*]})" >&2; exit 2 ;;
  esac
done
((${#stages[@]})) || stages=("${ALL_STAGES[@]}")

# Debian's emscripten needs node-acorn on NODE_PATH when linking (the build
# also sets it itself, see cmake/Toolchain.cmake); leak checks for the asan
# run (LeakSanitizer works on these machines: run as root, no ptrace limits).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export CMAKE_BUILD_PARALLEL_LEVEL=$JOBS
export CTEST_PARALLEL_LEVEL=$JOBS

logdir=$root/build/logs
mkdir -p "$logdir"
t_start=$SECONDS
suites=() # "name|passed|failed|seconds"
total_passed=0
total_failed=0
broken=()

banner() { printf '\n==== %s ====\n' "$*"; }

record() { # name passed failed seconds
  suites+=("$1|$2|$3|$4")
  total_passed=$((total_passed + $2))
  total_failed=$((total_failed + $3))
}

summary() {
  banner "summary ($((SECONDS - t_start))s)"
  local s name passed failed secs
  for s in "${suites[@]}"; do
    IFS='|' read -r name passed failed secs <<<"$s"
    printf '  %-28s %5d passed %4d failed  %4ss\n' "$name" "$passed" "$failed" "$secs"
  done
  for s in "${broken[@]}"; do printf '  FAILED: %s\n' "$s"; done
  echo "$total_passed passed, $total_failed failed"
}

# A stage that could not run to the end (configure/build error, failing suite).
fail() {
  broken+=("$1")
  echo "test.sh: $1" >&2
  if ((!keep_going)); then
    summary
    exit 1
  fi
}

# Last "N passed, M failed" line a checker printed -> "N M"; empty if none.
count_line() {
  grep -aE '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -n 1 | awk '{print $1, $3}' || true
}

run_preset() { # preset
  local p=$1 log=$logdir/$1 t0=$SECONDS
  banner "$p: configure"
  # An existing build tree re-runs CMake by itself when a CMakeLists.txt
  # changes; configure again only when it is new or the presets changed.
  if [[ -f build/$p/build.ninja && build/$p/CMakeCache.txt -nt CMakePresets.json ]]; then
    echo "build/$p is configured"
  else
    local st=()
    { cmake --preset "$p" 2>&1 | tee "$log.configure.log"; st=("${PIPESTATUS[@]}"); } || true
    if ((st[0] != 0)); then
      record "$p (configure)" 0 1 $((SECONDS - t0))
      fail "$p: configure failed (log: build/logs/$p.configure.log)"
      return
    fi
  fi
  banner "$p: build"
  local st=()
  { cmake --build --preset "$p" -j "$JOBS" 2>&1 | tee "$log.build.log"; st=("${PIPESTATUS[@]}"); } || true
  if ((st[0] != 0)); then
    record "$p (build)" 0 1 $((SECONDS - t0))
    fail "$p: build failed (log: build/logs/$p.build.log)"
    return
  fi
  banner "$p: ctest"
  local rc=0
  { ctest --preset "$p" 2>&1 | tee "$log.ctest.log"; rc=${PIPESTATUS[0]}; } || true
  # "100% tests passed, 0 tests failed out of 12"; skipped tests (exit code
  # 77: no Chromium outside CI) are listed under "did not run" and counted
  # apart, not as passed.
  local line passed failed total skipped
  skipped=$(grep -acE '^[[:space:]]*[0-9]+ - .* \(Skipped\)' "$log.ctest.log" || true)
  line=$(grep -aE '[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log.ctest.log" | tail -n 1 || true)
  if [[ -n $line ]]; then
    failed=$(sed -E 's/.* ([0-9]+) tests? failed out of.*/\1/' <<<"$line")
    total=$(sed -E 's/.*failed out of ([0-9]+).*/\1/' <<<"$line")
    passed=$((total - failed - skipped))
    ((skipped == 0)) || echo "test.sh: $skipped $p test(s) skipped (see \"did not run\" above)"
  else
    passed=0 failed=1
  fi
  record "$p (ctest)" "$passed" "$failed" $((SECONDS - t0))
  ((rc == 0)) || fail "$p: $failed of ${total:-?} tests failed (log: build/logs/$p.ctest.log)"
}

run_check() { # name command...
  local name=$1 t0=$SECONDS log
  shift
  log=$logdir/${name//[^A-Za-z0-9_.-]/_}.log
  banner "$name"
  echo "+ ${*@Q}"
  local rc=0
  { "$@" 2>&1 | tee "$log"; rc=${PIPESTATUS[0]}; } || true
  local counts passed failed
  counts=$(count_line "$log")
  if [[ -n $counts ]]; then
    read -r passed failed <<<"$counts"
  elif ((rc == 0)); then
    passed=1 failed=0
  else
    passed=0 failed=1
  fi
  # A non-zero exit with nothing counted as failed still counts as one failure.
  ((rc == 0 || failed > 0)) || failed=1
  record "$name" "$passed" "$failed" $((SECONDS - t0))
  ((rc == 0)) || fail "$name failed (exit $rc; log: ${log#"$root"/})"
}

run_python() {
  run_check "examples vs CPython" python3 examples/check_cpython.py
  run_check "script corpus (CPython)" python3 tests/script/run_corpus.py -j "$JOBS"
}

banner "setup"
scripts/setup.sh "${SETUP_ARGS[@]}" || { record setup 0 1 $((SECONDS - t_start)); broken+=("setup failed"); summary; exit 1; }

for stage in "${stages[@]}"; do
  case "$stage" in
    python) run_python ;;
    *) run_preset "$stage" ;;
  esac
done

summary
((${#broken[@]} == 0 && total_failed == 0))
