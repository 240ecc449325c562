#!/usr/bin/env bash
# Installs what Stitch needs on a Debian machine when it is missing. Safe to run repeatedly.
set -euo pipefail

# gnuplot-nox draws the latency plot of docs/performance.md (Benchmarks/plots).
debs=(liblapack-dev libblas-dev libsqlite3-dev graphviz gnuplot-nox)
missing=()
for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "Installing system packages: ${missing[*]}" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The tests compare Stitch's numerics with numpy/scipy; Benchmarks/baselines times numpy against Stitch.
if ! python3 -c "import numpy, scipy" 2>/dev/null; then
    echo "Installing numpy and scipy for the reference checks" >&2
    python3 -m pip install --quiet numpy scipy
fi
