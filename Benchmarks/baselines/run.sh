#!/usr/bin/env bash
# The numpy baseline against Stitch, in one run: builds the release `stitch` and
# `StitchBaselineTimer`, generates the communities, times both on the same requests, checks that
# they give the same top 10 and prints the table (also written to Benchmarks/baselines/results/).
#
#   Benchmarks/baselines/run.sh                       # 1,000, 10,000 and 100,000 members
#   Benchmarks/baselines/run.sh --sizes 1000,10000    # any option of compare.py
set -euo pipefail
cd "$(dirname "$0")/../.."
bash scripts/install-deps.sh
scratch="${STITCH_SCRATCH:-.build-bench-bl}"
build() { STITCH_BENCHMARKS=1 swift build -c release --scratch-path "$scratch" "$@"; }
build --product stitch
build --product StitchBaselineTimer
bin="$(build --show-bin-path)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
python=python3; if [ -x .venv/bin/python3 ]; then python=.venv/bin/python3; fi
"$python" Benchmarks/baselines/compare.py --bin "$bin" "$@"
