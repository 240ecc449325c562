import Foundation
import StitchNumerics

/// The normalized adjacency `A = D_τ^{-1/2} W D_τ^{-1/2}` of one connected component, in local
/// indices, as compressed sparse rows with the normalization folded into the stored values.
///
/// `D_τ = D + τ̄ I` is the degree matrix with every degree raised by the regularization `τ̄`
/// (0 for the plain normalized Laplacian). The Laplacian is `L = I − A`, so the smallest
/// eigenpairs of `L` are the largest of `A` (eigenvalue `μ` of `L` is `1 − θ` for eigenvalue `θ`
/// of `A`). Lanczos converges fast at the top of a spectrum, so the sparse path works with `A`.
/// Without regularization the top eigenvector of a connected component is known exactly:
/// `√d / ‖√d‖` with eigenvalue 1 (``trivialEigenvector``).
struct NormalizedAdjacency: Sendable {
    let size: Int
    let offsets: [Int]
    let columns: [Int32]
    let values: [Double]
    /// `√(weighted degree + τ̄)` of each local node.
    let sqrtDegree: [Double]
    /// The regularization `τ̄` added to every degree.
    let regularization: Double

    /// The component `nodes` (ascending global indices) of `graph`; `localIndex` maps each global
    /// node to its position in its component's list (``GraphComponents/localIndex``).
    init(graph: CommunityGraph, nodes: ArraySlice<Int32>, localIndex: [Int32], regularization: Double) {
        let n = nodes.count
        var sqrtDegree = [Double](repeating: 0, count: n)
        for (i, v) in nodes.enumerated() { sqrtDegree[i] = (graph.strength(of: Int(v)) + regularization).squareRoot() }
        var offsets = [Int](repeating: 0, count: n + 1)
        var columns: [Int32] = []
        var values: [Double] = []
        let total = nodes.reduce(0) { $0 + graph.tieCount(of: Int($1)) }
        columns.reserveCapacity(total)
        values.reserveCapacity(total)
        for (i, v) in nodes.enumerated() {
            let row = Int(v)
            for p in graph.offsets[row]..<graph.offsets[row + 1] {
                let u = Int(graph.columns[p])
                let j = Int(localIndex[u])
                columns.append(Int32(j))
                values.append(
                    graph.weights[p] / (sqrtDegree[i] * (graph.strength(of: u) + regularization).squareRoot()))
            }
            offsets[i + 1] = columns.count
        }
        self.size = n
        self.offsets = offsets
        self.columns = columns
        self.values = values
        self.sqrtDegree = sqrtDegree
        self.regularization = regularization
    }

    /// `y = A x`.
    func apply(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
        self.offsets.withUnsafeBufferPointer { offsets in
            self.columns.withUnsafeBufferPointer { columns in
                self.values.withUnsafeBufferPointer { values in
                    for i in 0..<self.size {
                        var sum = 0.0
                        for p in offsets[i]..<offsets[i + 1] { sum += values[p] * x[Int(columns[p])] }
                        y[i] = sum
                    }
                }
            }
        }
    }

    /// The unit eigenvector of eigenvalue 1 (eigenvalue 0 of `L`) when there is no regularization: `√d / ‖√d‖`.
    var trivialEigenvector: [Double] {
        let norm = self.sqrtDegree.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return self.sqrtDegree.map { $0 / norm }
    }

    /// The dense normalized Laplacian `L = I − A` (column-major), for the small-component path.
    func denseLaplacian() -> Matrix {
        var entries = [Double](repeating: 0, count: self.size * self.size)
        for i in 0..<self.size {
            entries[i + i * self.size] = 1
            for p in self.offsets[i]..<self.offsets[i + 1] {
                entries[i + Int(self.columns[p]) * self.size] -= self.values[p]
            }
        }
        // The shape always matches, so this cannot throw.
        return (try? Matrix(rows: self.size, columns: self.size, columnMajor: entries)) ?? Matrix(rows: 0, columns: 0)
    }
}
