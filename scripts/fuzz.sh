#!/usr/bin/env bash
# Builds Stitch's libFuzzer targets (Fuzz/) with the fuzzer sanitizer into .build-fuzz and runs
# each on a fresh corpus seeded from Fuzz/corpus, one after another, one process at a time.
#
#   scripts/fuzz.sh [target...]          every target when none is named
#
# Environment:
#   FUZZ_SECONDS=15          how long each target runs (FUZZ_SECONDS_<target>, dashes as
#                            underscores, overrides it for one target: FUZZ_SECONDS_json_line=60)
#   FUZZ_RUNS=N              stop each target after N inputs instead (FUZZ_RUNS_<target> likewise)
#   FUZZ_SEED=N              libFuzzer's random seed (0: a new one each run); with FUZZ_RUNS the
#                            same inputs every time, as `make fuzz-smoke` runs them
#   FUZZ_BUILD=0             run what is built, without building
#   SWIFT=swift              the toolchain's driver
#
# Prints, per target, libFuzzer's final stat::number_of_executed_units and
# stat::average_exec_per_sec, and the total. Exits 1 when any target crashed, leaked, timed out
# or ran out of memory; the input is kept as .build-fuzz/artifacts/<target>-crash-… (replay it
# with `.build-fuzz/release/fuzz-<target> <file>`).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
ALL_TARGETS=(json-line params community-file csv open-referral open-active restart)
TARGETS=("$@")
[ ${#TARGETS[@]} -eq 0 ] && TARGETS=("${ALL_TARGETS[@]}")

max_len() {
    case "$1" in
        restart) echo 128 ;;
        open-referral) echo 24576 ;;
        community-file | open-active) echo 8192 ;;
        *) echo 4096 ;;
    esac
}

setting() {  # setting NAME TARGET DEFAULT: $NAME_<target> or $NAME or DEFAULT
    local specific="${1}_${2//-/_}"
    if [ -n "${!specific:-}" ]; then echo "${!specific}"; elif [ -n "${!1:-}" ]; then echo "${!1}"; else echo "$3"; fi
}

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
    for target in "${TARGETS[@]}"; do
        echo "== building fuzz-$target"
        STITCH_FUZZ=1 "$SWIFT" build -c release --sanitize fuzzer --scratch-path "$SCRATCH" --product "fuzz-$target"
    done
fi

BIN="$SCRATCH/release"
mkdir -p "$SCRATCH/artifacts" "$SCRATCH/logs"
failed=()
total=0
summary=""
for target in "${TARGETS[@]}"; do
    corpus="$SCRATCH/corpus/$target"
    rm -rf "$corpus"
    mkdir -p "$corpus"
    cp Fuzz/corpus/"$target"/* "$corpus"/
    if [ "$target" = open-referral ]; then cp data/openreferral/service_full.json "$corpus"/; fi
    seconds=$(setting FUZZ_SECONDS "$target" 15)
    runs=$(setting FUZZ_RUNS "$target" -1)
    seed=$(setting FUZZ_SEED "$target" 0)
    log="$SCRATCH/logs/$target.log"
    echo "== fuzz-$target: ${seconds}s, runs $runs, seed $seed, -max_len=$(max_len "$target")"
    status=0
    # The Swift runtime's backtracer would catch the crash before libFuzzer could save the input.
    SWIFT_BACKTRACE=enable=no "$BIN/fuzz-$target" "$corpus" \
        -max_total_time="$seconds" -runs="$runs" -seed="$seed" -max_len="$(max_len "$target")" -timeout=60 -rss_limit_mb=4096 \
        -print_final_stats=1 -artifact_prefix="$SCRATCH/artifacts/$target-" >"$log" 2>&1 || status=$?
    executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    executed=${executed:-0}
    total=$((total + executed))
    if [ "$status" -ne 0 ]; then
        failed+=("$target")
        echo "!! fuzz-$target failed (exit $status); the end of its log ($log):"
        tail -40 "$log"
        ls -1 "$SCRATCH/artifacts/$target-"* 2>/dev/null || true
    fi
    summary+=$(printf '%-16s %12s inputs %8s exec/s  %s' "$target" "$executed" "${rate:-?}" "$([ "$status" -eq 0 ] && echo ok || echo FAILED)")$'\n'
done
echo
echo "== libFuzzer, $(date -u +%Y-%m-%d)"
printf '%s' "$summary"
printf '%-16s %12s inputs\n' total "$total"
if [ ${#failed[@]} -gt 0 ]; then
    echo "!! crashed: ${failed[*]}"
    exit 1
fi
