#!/usr/bin/env bash
# scripts/fuzz.sh [MINUTES] [TARGET...] — explore with libFuzzer (not part of
# scripts/test.sh). Builds the asan fuzz targets if needed, splits MINUTES
# (default 10) evenly across the targets (default: all five), fuzzes each
# with -max_total_time, and for every crash, timeout, leak or OOM it finds:
# minimises it (-minimize_crash=1) and adds it to the regression corpus
# tests/fuzz/corpus/<target>/ under a readable name (kind-where-hash), which
# the fuzz test replays from then on. Commit the new files with the fix.
# What a target learned (its working corpus) stays in build/asan/fuzz-explore
# for the next exploration.
#
#   nice -n 19 scripts/fuzz.sh 60            # an hour over all targets
#   scripts/fuzz.sh 5 format compile         # five minutes over two
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
minutes=${1:-10}
shift || true
all=(script compile format permalink embed_options)
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=("${all[@]}")
[[ $minutes =~ ^[0-9]+$ && $minutes -gt 0 ]] || { echo "usage: scripts/fuzz.sh [MINUTES] [TARGET...]" >&2; exit 2; }

build=$root/build/asan
[[ -f $build/CMakeCache.txt ]] || cmake --preset asan >/dev/null
cmake --build --preset asan -j2 --target aio_fuzz_targets >/dev/null

per=$((minutes * 60 / ${#targets[@]}))
script_seeds=("$build/tests/fuzz/script-seeds")  # the .py files only (tests/fuzz/CMakeLists.txt)
total_execs=0 total_found=0
summary=()
for t in "${targets[@]}"; do
    bin=$build/tests/fuzz/fuzz_$t
    [[ -x $bin ]] || { echo "no fuzz target $t (expected $bin)" >&2; exit 2; }
    case $t in
    script | compile) max_len=8192 seeds=("${script_seeds[@]}") ;;
    format) max_len=512 seeds=() ;;
    *) max_len=4096 seeds=() ;;
    esac
    work=$build/fuzz-explore/$t
    corpus=$root/tests/fuzz/corpus/$t
    mkdir -p "$work/corpus" "$work/artifacts" "$corpus"
    rm -f "$work"/artifacts/*
    execs=0 found=0
    end=$((SECONDS + per))
    # libFuzzer stops at its first finding: start again with the time left
    # (the finding is not in the working corpus, so this explores on).
    for ((round = 0; round < 20 && SECONDS < end; ++round)); do
        log=$work/round$round.log
        set +e
        "$bin" -max_total_time=$((end - SECONDS)) -timeout=20 -rss_limit_mb=2048 -max_len=$max_len \
            -print_final_stats=1 -close_fd_mask=1 -artifact_prefix="$work/artifacts/" \
            "$work/corpus" "$corpus" "${seeds[@]}" >"$log" 2>&1
        set -e
        n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
        execs=$((execs + ${n:-0}))
    done
    for a in "$work"/artifacts/*; do
        [[ -f $a ]] || continue
        kind=${a##*/}
        kind=${kind%%-*}
        min=$work/min-${a##*/}
        # Minimising re-runs the input many times; timeouts keep their length.
        if [[ $kind == timeout ]]; then
            cp "$a" "$min"
        else
            "$bin" -minimize_crash=1 -runs=5000 -max_total_time=120 -timeout=20 -rss_limit_mb=2048 \
                -close_fd_mask=1 -exact_artifact_path="$min" "$a" >"$work/minimize.log" 2>&1 || true
            [[ -s $min ]] || cp "$a" "$min"
        fi
        # Where it failed: the first frame in the project of the report.
        where=$("$bin" -timeout=20 -rss_limit_mb=2048 "$min" 2>&1 |
            grep -oE '(engine|web|tests)/[^ :]+\.(cpp|hpp|h):[0-9]+' | head -1 | sed 's|.*/||; s|:|_|' || true)
        name=$kind${where:+-$where}-$(sha1sum "$min" | cut -c1-8)
        cp "$min" "$corpus/$name"
        echo "  $t: $name ($(wc -c <"$min") bytes, from ${a##*/})"
        found=$((found + 1))
    done
    summary+=("$(printf '%-14s %4ds %12d execs %3d findings' "$t" "$per" "$execs" "$found")")
    total_execs=$((total_execs + execs))
    total_found=$((total_found + found))
done
printf '%s\n' "${summary[@]}"
echo "total: $total_execs executions, $total_found findings added to tests/fuzz/corpus/"
