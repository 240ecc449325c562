#!/usr/bin/env python3
"""leidenalg on the network analysis's tie graph, for comparison with Stitch's Leiden.

Reads the ties written by the Leiden benchmark (STITCH_EDGE_LIST_DIR=DIR: DIR/edges-100000.tsv,
first line the node count, then `a<TAB>b<TAB>weight`, each tie once) and times leidenalg's
`find_partition` with `RBConfigurationVertexPartition` (modularity with resolution 1, the quality
Stitch optimises), the tie weights, seed 0, once with iterations until nothing moves (as Stitch
runs) and once with leidenalg's default of two iterations. Building the igraph graph is not
timed. The modularity printed is the same formula as Stitch's `Modularity.value`.

    python3 Benchmarks/baselines/leiden_baseline.py /tmp/edges/edges-100000.tsv
"""
import argparse
import time

import igraph as ig
import leidenalg as la
import numpy as np


def read_graph(path):
    with open(path) as f:
        n = int(f.readline())
        data = np.loadtxt(f, dtype=np.float64, ndmin=2)
    graph = ig.Graph(n=n, edges=data[:, :2].astype(np.int64).tolist())
    graph.es["weight"] = data[:, 2].tolist()
    return graph


def modularity(graph, membership, resolution):
    weights = np.asarray(graph.es["weight"])
    ends = np.asarray(graph.get_edgelist())
    labels = np.asarray(membership)
    strength = np.asarray(graph.strength(weights="weight"))
    twice_m = strength.sum()
    inside = weights[labels[ends[:, 0]] == labels[ends[:, 1]]].sum() * 2
    totals = np.bincount(labels, weights=strength)
    return inside / twice_m - resolution * ((totals / twice_m) ** 2).sum()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edges")
    parser.add_argument("--resolution", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    graph = read_graph(args.edges)
    print(f"leidenalg {la.version}, igraph {ig.__version__}")
    print(f"{graph.vcount()} nodes, {graph.ecount()} ties")
    for iterations, name in ((-1, "until nothing moves"), (2, "two iterations (leidenalg's default)")):
        runs = []
        for _ in range(args.repeat):
            start, wall = time.process_time(), time.perf_counter()
            partition = la.find_partition(
                graph, la.RBConfigurationVertexPartition, weights="weight",
                resolution_parameter=args.resolution, seed=0, n_iterations=iterations)
            runs.append((time.process_time() - start, time.perf_counter() - wall, partition))
        cpu, elapsed, partition = min(runs, key=lambda r: r[0])
        q = modularity(graph, partition.membership, args.resolution)
        print(f"{name}: CPU {cpu:.2f} s (wall {elapsed:.2f} s, best of {args.repeat}), "
              f"{len(partition)} communities, modularity {q:.6f}")


if __name__ == "__main__":
    main()
