import Foundation
import StitchNetwork
import StitchNumerics
import Testing

@Suite("Thick-restart Lanczos")
struct LanczosEigensolverTests {
    /// A diagonal operator with a known spectrum, rotated so the basis vectors are not eigenvectors.
    struct Rotated {
        let values: [Double]
        /// Applies `Hᵀ diag(values) H` with `H = I − 2uuᵀ` (a Householder reflection).
        let u: [Double]

        func apply(_ x: UnsafeBufferPointer<Double>, _ y: UnsafeMutableBufferPointer<Double>) {
            let n = self.values.count
            var ux = 0.0
            for i in 0..<n { ux += self.u[i] * x[i] }
            var z = (0..<n).map { x[$0] - 2 * ux * self.u[$0] }
            for i in 0..<n { z[i] *= self.values[i] }
            var uz = 0.0
            for i in 0..<n { uz += self.u[i] * z[i] }
            for i in 0..<n { y[i] = z[i] - 2 * uz * self.u[i] }
        }

        init(values: [Double]) {
            self.values = values
            let raw = values.indices.map { sin(Double($0) * 1.7 + 0.3) }
            let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
            self.u = raw.map { $0 / norm }
        }
    }

    @Test func findsTheLargestEigenvaluesOfAClusteredSpectrumThroughRestarts() throws {
        // 2,000 eigenvalues spread over [-1, 0.9], and six near the top with small gaps.
        var values = (0..<2_000).map { -1 + 1.9 * Double($0) / 1_999 }
        values[100] = 0.999
        values[200] = 0.998
        values[300] = 0.995
        values[400] = 0.99
        values[500] = 0.97
        values[600] = 0.96
        let op = Rotated(values: values)
        let solver = LanczosEigensolver(count: 5, basisSize: 20, tolerance: 1e-10, seed: 3)
        let top = try solver.largest(dimension: 2_000) { op.apply($0, $1) }
        #expect(top.converged && top.restarts > 0)
        for (found, expected) in zip(top.eigenvalues, [0.999, 0.998, 0.995, 0.99, 0.97]) {
            #expect(abs(found - expected) < 1e-12, "\(found) vs \(expected)")
        }
        #expect(top.residuals.allSatisfy { $0 < 1e-9 })
        let gram = try top.eigenvectors.multiplied(by: top.eigenvectors, transposeSelf: true)
        for i in 0..<5 { for j in 0..<5 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-10) } }
    }

    @Test func deflatedVectorsAreLeftOut() throws {
        let values = (0..<300).map { Double($0) / 300 }
        let e = [Double](repeating: 0, count: 299) + [1]  // eigenvector of the largest, 299/300
        let solver = LanczosEigensolver(count: 2, tolerance: 1e-11)
        let top = try solver.largest(dimension: 300, deflating: [e]) { x, y in
            for i in 0..<300 { y[i] = values[i] * x[i] }
        }
        #expect(abs(top.eigenvalues[0] - 298.0 / 300) < 1e-12 && abs(top.eigenvalues[1] - 297.0 / 300) < 1e-12)
        #expect(abs(top.eigenvectors[299, 0]) < 1e-12)
    }

    @Test func smallSpacesAreSpannedExactly() throws {
        let values: [Double] = [3, 1, 2, 5]
        let top = try LanczosEigensolver(count: 4).largest(dimension: 4) { x, y in
            for i in 0..<4 { y[i] = values[i] * x[i] }
        }
        #expect(top.converged)
        for (a, b) in zip(top.eigenvalues, [5.0, 3, 2, 1]) { #expect(abs(a - b) < 1e-12) }
        #expect(throws: LAPACKError.self) { try LanczosEigensolver(count: 5).largest(dimension: 4) { _, _ in } }
    }

    @Test func theSameSeedGivesTheSameAnswer() throws {
        let op = Rotated(values: (0..<500).map { cos(Double($0)) })
        let a = try LanczosEigensolver(count: 3, seed: 9).largest(dimension: 500) { op.apply($0, $1) }
        let b = try LanczosEigensolver(count: 3, seed: 9).largest(dimension: 500) { op.apply($0, $1) }
        #expect(a.eigenvalues == b.eigenvalues && a.eigenvectors == b.eigenvectors)
    }
}
