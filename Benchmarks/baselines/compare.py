#!/usr/bin/env python3
"""Times the numpy who-can-help baseline and Stitch on the same communities and requests.

Run through run.sh, which builds `stitch` and `StitchBaselineTimer` first. For each size it:
1. generates the community with `stitch generate --members N --activities N/20 --seed S`
   (kept in the scratch folder, not in the repository);
2. draws the requests (below) and writes them as JSON;
3. loads the community into numpy columns and times each request (one untimed call, then
   `repeats` timed calls);
4. runs StitchBaselineTimer on the same file at the same time: the engine in process, each
   request sent to it right after numpy has answered it and timed the same way, with the
   bridging weight at 0 as in the baseline;
5. compares the two top 10s of every request and prints p50/p99 and the ratio numpy / Stitch.

The requests follow the benchmark suite's (Benchmarks/StitchBenchmarks/BenchmarkCommunities.swift):
member (i · 7919) mod N with a location asks for their first need. To reach every constraint,
one in four also asks for a time, one in five for help at home, one in six for a DBS check, and
one in ten is asked by a member of the public (no requester; the member's location as the place).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import who_can_help_numpy as baseline  # noqa: E402

TIE = 1e-9  # scores closer than this are taken as equal when explaining a disagreement


def requests_for(community: dict, count: int) -> list[dict]:
    members = community["members"]
    out: list[dict] = []
    i = 0
    while len(out) < count and i < 4 * len(members):
        m = members[(i * 7919) % len(members)]
        i += 1
        if not m.get("needs") or "location" not in m:
            continue
        k = len(out)
        request: dict = {"requester": m["id"], "skill": m["needs"][0]}
        if k % 4 == 1:
            start = [9, 10, 14, 18][(k // 4) % 4]
            request["when"] = [{"day": baseline.DAYS[(k // 4) % 7], "start": f"{start:02d}:00", "end": f"{start + 2:02d}:00"}]
        if k % 5 == 2:
            request["atHome"] = True
        if k % 6 == 3:
            request["requiresDBS"] = True
        if k % 10 == 9:
            del request["requester"]
            request["location"] = m["location"]
        out.append(request)
    return out


def percentile(samples: list[int], q: float) -> float:
    """Nearest-rank percentile, in microseconds."""
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, int(np.ceil(q / 100 * len(ordered))) - 1))] / 1000


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def compare(numpy_top: list[list[tuple[str, float]]], stitch: list[dict]) -> dict:
    """Agreement of the two top 10s, and what explains each disagreement."""
    same = 0
    ties = 0
    other: list[int] = []
    largest = 0.0
    for q, (ours, theirs) in enumerate(zip(numpy_top, stitch)):
        theirs_scores = dict(zip(theirs["ids"], theirs["scores"]))
        for i, s in ours:
            if i in theirs_scores:
                largest = max(largest, abs(s - theirs_scores[i]))
        if [i for i, _ in ours] == theirs["ids"]:
            same += 1
            continue
        # A disagreement is a tie when the scores agree pairwise and every id out of place sits
        # within TIE of a score the other side ranks at the same position.
        aligned = len(ours) == len(theirs["ids"]) and all(
            abs(a[1] - b) <= TIE for a, b in zip(ours, theirs["scores"]))
        if aligned:
            ties += 1
        else:
            other.append(q)
    return {"same": same, "ties": ties, "other": other, "largest_score_difference": largest}


def run_size(members: int, args, bin_dir: Path, taxonomy: dict) -> dict:
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    path = work / f"community-{members}-seed{args.seed}.json"
    if not path.exists():
        subprocess.run([str(bin_dir / "stitch"), "generate", "--members", str(members), "--activities",
                        str(max(50, members // 20)), "--seed", str(args.seed), "--output", str(path)], check=True)
    community = json.loads(path.read_text())
    requests = requests_for(community, args.queries)
    (work / f"requests-{members}-seed{args.seed}.json").write_text(json.dumps(requests))
    weights = dict(baseline.BROKER, bridging=0.0)

    # Both sides loaded side by side, then timed request by request in turn, so that both see
    # the same load on a shared machine.
    load_before = load_average()
    timer = subprocess.Popen([str(bin_dir / "StitchBaselineTimer"), str(path), str(args.taxonomy), str(args.repeats), "0"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    header = json.loads(timer.stdout.readline())  # once the engine is built, so the two builds do not overlap
    start = time.perf_counter()
    model = baseline.Community(community, taxonomy)
    numpy_build = time.perf_counter() - start
    del community
    numpy_times: list[int] = []
    numpy_by_request: list[list[int]] = []
    numpy_top: list[list[tuple[str, float]]] = []
    answers: list[dict] = []
    for request in requests:
        numpy_top.append(model.who_can_help(request, weights=weights))
        numpy_by_request.append([])
        for _ in range(args.repeats):
            t0 = time.perf_counter_ns()
            model.who_can_help(request, weights=weights)
            numpy_by_request[-1].append(time.perf_counter_ns() - t0)
        numpy_times += numpy_by_request[-1]
        timer.stdin.write(json.dumps(request) + "\n")
        timer.stdin.flush()
        answers.append(json.loads(timer.stdout.readline()))
    timer.stdin.close()
    if timer.wait() != 0:
        raise SystemExit(f"StitchBaselineTimer failed at {members} members")
    del model
    load_after = load_average()
    stitch = dict(header, answers=answers)
    stitch_times = [t for answer in stitch["answers"] for t in answer["nanoseconds"]]
    numpy_medians = [int(np.median(n)) for n in numpy_by_request]
    stitch_medians = [int(np.median(a["nanoseconds"])) for a in answers]
    agreement = compare(numpy_top, stitch["answers"])
    for q in agreement["other"][:5]:
        print(f"  disagreement at {members} members, request {q}: {json.dumps(requests[q])}\n"
              f"    numpy:  {numpy_top[q]}\n    Stitch: {list(zip(stitch['answers'][q]['ids'], stitch['answers'][q]['scores']))}",
              file=sys.stderr)
    row = {
        "members": members,
        "requests": len(requests),
        "samples": len(numpy_times),
        # A request's time is the median of its calls; p50 and p99 are taken over the requests.
        "numpy_p50": percentile(numpy_medians, 50), "numpy_p99": percentile(numpy_medians, 99),
        "stitch_p50": percentile(stitch_medians, 50), "stitch_p99": percentile(stitch_medians, 99),
        # Over every call, as the benchmark suite counts: more exposed to other processes.
        "numpy_p50_calls": percentile(numpy_times, 50), "numpy_p99_calls": percentile(numpy_times, 99),
        "stitch_p50_calls": percentile(stitch_times, 50), "stitch_p99_calls": percentile(stitch_times, 99),
        "numpy_build_s": numpy_build, "stitch_build_s": stitch["buildSeconds"],
        "considered_mean": float(np.mean([a["considered"] for a in stitch["answers"]])),
        "load": [load_before, load_after],
        **agreement,
    }
    # The same request on both sides, a moment apart: the median of these ratios is the least
    # sensitive to the load of the machine changing during the run.
    per_request = [np.median(n) / np.median(a["nanoseconds"]) for n, a in zip(numpy_by_request, answers)]
    row["ratio_per_request"] = float(np.median(per_request))
    row["ratio_per_request_range"] = (float(np.percentile(per_request, 10)), float(np.percentile(per_request, 90)))
    row["ratio_p50"] = row["numpy_p50"] / row["stitch_p50"]
    row["ratio_p99"] = row["numpy_p99"] / row["stitch_p99"]
    return row


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    return f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()}, numpy {np.__version__}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin", required=True, help="folder holding the release `stitch` and `StitchBaselineTimer`")
    parser.add_argument("--sizes", default="1000,10000,100000", help="community sizes, comma-separated")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=10, help="timed calls per request, after one untimed call")
    parser.add_argument("--taxonomy", default=str(ROOT / "data" / "taxonomy.json"))
    parser.add_argument("--work", default=str(ROOT / ".build-baselines"), help="scratch folder for the communities")
    parser.add_argument("--out", default=str(HERE / "results"), help="where results.md and results.dat go")
    args = parser.parse_args()
    taxonomy = json.loads(Path(args.taxonomy).read_text())
    bin_dir = Path(args.bin)

    started = _dt.datetime.now().astimezone()
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        print(f"{size} members…", file=sys.stderr)
        rows.append(run_size(size, args, bin_dir, taxonomy))

    lines = [
        f"Measured {started:%Y-%m-%d %H:%M %Z} on {machine()}.",
        f"Seed {args.seed}; {args.queries} requests per size, each timed {args.repeats} times after one untimed call"
        " (a request's time is the median of its calls; p50 and p99 over the requests);"
        " broker weights with bridging 0 on both sides; learned skill similarity on (rank 24) on both sides.",
        "",
        "| members | numpy p50 | numpy p99 | Stitch p50 | Stitch p99 | numpy / Stitch: p50 | p99 | per request (10–90%) |"
        " same top 10 | load (1 min) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        low, high = r["ratio_per_request_range"]
        same = f"{r['same']}/{r['requests']}" + (f" (+{r['ties']} ties)" if r["ties"] else "")
        lines.append(
            f"| {r['members']:,} | {r['numpy_p50']:,.0f} µs | {r['numpy_p99']:,.0f} µs | {r['stitch_p50']:,.0f} µs | "
            f"{r['stitch_p99']:,.0f} µs | {r['ratio_p50']:.1f}× | {r['ratio_p99']:.1f}× | "
            f"{r['ratio_per_request']:.1f}× ({low:.1f}–{high:.1f}×) | {same} | {' → '.join(x.split()[0] for x in r['load'])} |")
    lines += ["", "Over every call instead of each request's median (as the benchmark suite counts):", "",
              "| members | numpy p50 | numpy p99 | Stitch p50 | Stitch p99 |", "|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['members']:,} | {r['numpy_p50_calls']:,.0f} µs | {r['numpy_p99_calls']:,.0f} µs | "
                     f"{r['stitch_p50_calls']:,.0f} µs | {r['stitch_p99_calls']:,.0f} µs |")
    lines += ["", "| members | numpy load + columns | Stitch engine build | candidates considered (mean) | largest score difference |",
              "|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['members']:,} | {r['numpy_build_s']:.2f} s | {r['stitch_build_s']:.2f} s | "
                     f"{r['considered_mean']:,.0f} | {r['largest_score_difference']:.1e} |")
    table = "\n".join(lines)
    print(table)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.md").write_text(table + "\n")
    with (out / "results.dat").open("w") as f:
        f.write(f"# who-can-help, numpy baseline and Stitch in process; {started:%Y-%m-%d}; Benchmarks/baselines/run.sh\n")
        f.write("# each request's median of its calls; p50 and p99 over the requests\n")
        f.write("# members numpy_p50_us numpy_p99_us stitch_p50_us stitch_p99_us agree_of\n")
        for r in rows:
            f.write(f"{r['members']} {r['numpy_p50']:.1f} {r['numpy_p99']:.1f} {r['stitch_p50']:.1f} {r['stitch_p99']:.1f} "
                    f"{r['same'] + r['ties']}/{r['requests']}\n")


if __name__ == "__main__":
    main()
