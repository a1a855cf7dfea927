#!/usr/bin/env bash
# The fuzz test of one target (tests/fuzz/CMakeLists.txt):
#   run_fuzz_test.sh BINARY WORKDIR RUNS SEED MAX_LEN CORPUS_DIR [SEED_DIR...]
# 1. replays every input of the regression corpus and the seed dirs once
#    (-runs=0): each one that ever crashed must pass now;
# 2. fuzzes RUNS more inputs from -seed=SEED. New units go to WORKDIR/new,
#    emptied first, never into the checked-in corpus: the inputs, and so the
#    run, are the same on every machine for the same commit.
# Any crash, sanitizer report, leak or timeout (-timeout per input) fails.
set -euo pipefail
bin=$1 work=$2 runs=$3 seed=$4 max_len=$5
shift 5
dirs=()
for d in "$@"; do [[ -d $d ]] && dirs+=("$d"); done
rm -rf "$work"
mkdir -p "$work/new" "$work/artifacts"
# -timeout: generous for a loaded 2-core machine; every run is bounded by
# the interpreter's max_steps, so a hang is a bug. -close_fd_mask=1: no stdout (sanitizer reports are on stderr).
common=(-timeout=60 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1
        -artifact_prefix="$work/artifacts/" -close_fd_mask=1)
echo "== replay: ${dirs[*]}"
"$bin" "${common[@]}" -runs=0 "${dirs[@]}"
echo "== fuzz: -runs=$runs -seed=$seed"
"$bin" "${common[@]}" -runs="$runs" -seed="$seed" "$work/new" "${dirs[@]}"
