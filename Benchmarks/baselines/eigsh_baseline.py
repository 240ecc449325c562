#!/usr/bin/env python3
"""scipy's eigsh on the network analysis's normalized Laplacian, for comparison with Stitch's Lanczos.

Reads the ties written by the `network.analyse` benchmark (STITCH_EDGE_LIST_DIR=DIR: DIR/edges-N.tsv,
first line the node count, then `a<TAB>b<TAB>weight`, each tie once) and builds what
`SpectralEmbedding` solves with the analysis's defaults: the regularized normalized adjacency

    A = D_t^(-1/2) W D_t^(-1/2),  D_t = D + t I,  t = 0.1 * (mean weighted degree of members with ties)

whose largest eigenvalues are 1 - lambda for the smallest eigenvalues lambda of L_t = I - A. It
times `eigsh(A, k, which="LA")` (ARPACK, one thread) on the whole graph and on its largest
component, at tol=1e-8 (Stitch's tolerance) and tol=0 (machine precision).

    OMP_NUM_THREADS=1 python3 Benchmarks/baselines/eigsh_baseline.py /tmp/edges/edges-100000.tsv
"""
import os

for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from scipy.sparse.csgraph import connected_components  # noqa: E402
from scipy.sparse.linalg import eigsh  # noqa: E402


def read_graph(path):
    with open(path) as f:
        n = int(f.readline())
        data = np.loadtxt(f, dtype=np.float64, ndmin=2)
    a = data[:, 0].astype(np.int64)
    b = data[:, 1].astype(np.int64)
    w = data[:, 2]
    W = sp.coo_matrix((np.concatenate([w, w]), (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
    return W.tocsr()


def mean_degree(W):
    """The mean weighted degree of the members with ties (SpectralEmbedding's)."""
    d = np.asarray(W.sum(axis=1)).ravel()
    return d[d > 0].mean()


def normalized_adjacency(W, tau):
    d = np.asarray(W.sum(axis=1)).ravel()
    s = 1.0 / np.sqrt(d + tau)
    S = sp.diags(s)
    return (S @ W @ S).tocsr()


def solve(A, k, tol):
    start = time.process_time()
    wall = time.perf_counter()
    values, vectors = eigsh(A, k=k, which="LA", tol=tol, v0=np.ones(A.shape[0]) / np.sqrt(A.shape[0]))
    cpu, elapsed = time.process_time() - start, time.perf_counter() - wall
    order = np.argsort(-values)
    values, vectors = values[order], vectors[:, order]
    residual = max(np.linalg.norm(A @ vectors[:, i] - values[i] * vectors[:, i]) for i in range(k))
    return 1.0 - values, cpu, elapsed, residual


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("edges")
    parser.add_argument("--k", type=int, default=13, help="eigenpairs (the analysis computes 13)")
    parser.add_argument("--regularization", type=float, default=0.1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    W = read_graph(args.edges)
    count, labels = connected_components(W, directed=False)
    sizes = np.bincount(labels)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}")
    print(f"{W.shape[0]} nodes, {W.nnz // 2} ties, {count} components (largest {sizes.max()}), "
          f"{int((sizes == 1).sum())} isolated")
    largest = np.flatnonzero(labels == np.argmax(sizes))
    tau = args.regularization * mean_degree(W)
    print(f"tau = {args.regularization} * mean degree = {tau:.6f}")
    for name, graph in (("whole graph", W), ("largest component", W[largest][:, largest])):
        A = normalized_adjacency(graph, tau)
        for tol in (1e-8, 0.0):
            runs = [solve(A, args.k, tol) for _ in range(args.repeat)]
            best = min(runs, key=lambda r: r[1])
            lams = ", ".join(f"{x:.6f}" for x in best[0][:6])
            print(f"{name}, k={args.k}, tol={tol:g}: CPU {min(r[1] for r in runs):.2f} s "
                  f"(wall {min(r[2] for r in runs):.2f} s, best of {args.repeat}), "
                  f"max residual {best[3]:.1e}; smallest eigenvalues {lams}")


if __name__ == "__main__":
    main()
