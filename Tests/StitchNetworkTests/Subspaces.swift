import Foundation
import StitchNumerics

/// Principal angles between subspaces, to compare eigenvectors up to sign and rotation within
/// (near-)repeated eigenvalues.
enum Subspaces {
    /// The largest principal angle between the spans of two sets of orthonormal vectors.
    static func largestAngle(_ a: [[Double]], _ b: [[Double]]) throws -> Double {
        precondition(a.count == b.count)
        let p = a.count
        let n = a.first?.count ?? 0
        let ma = try Matrix(rows: n, columns: p, columnMajor: a.flatMap { $0 })
        let mb = try Matrix(rows: n, columns: p, columnMajor: b.flatMap { $0 })
        let cross = try ma.multiplied(by: mb, transposeSelf: true)
        let svd = try SingularValueDecomposition(cross)
        let smallest = min(1, svd.singularValues.min() ?? 1)
        return acos(smallest)
    }
}
