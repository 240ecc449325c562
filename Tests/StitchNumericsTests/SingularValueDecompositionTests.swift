import StitchNumerics
import Testing

@Suite("SingularValueDecomposition (dgesdd) against numpy.linalg.svd")
struct SingularValueDecompositionTests {
    struct Reference: Decodable {
        let u: NumPyReference.MatrixJSON
        let singularValues: [Double]
        let vt: NumPyReference.MatrixJSON
    }

    static let script = """
        u, s, vt = np.linalg.svd(mat(inp), full_matrices=False)
        out({"u": matjson(u), "singularValues": s.tolist(), "vt": matjson(vt)})
        """

    @Test(arguments: [(40, 25, UInt64(0x5EED_0003)), (25, 40, UInt64(0x5EED_0004))])
    func matchesNumPy(rows: Int, columns: Int, seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let a = Fixtures.randomMatrix(rows: rows, columns: columns, generator: &generator)
        let svd = try SingularValueDecomposition(a)
        let reference = try NumPyReference.run(Self.script, input: NumPyReference.MatrixJSON(a), as: Reference.self)
        let r = min(rows, columns)
        let norm = reference.singularValues.first ?? 1

        #expect(svd.rank == r)
        #expect((svd.u.rows, svd.u.columns) == (rows, r))
        #expect((svd.vt.rows, svd.vt.columns) == (r, columns))
        #expect(svd.singularValues == svd.singularValues.sorted(by: >))
        #expect(Fixtures.maxAbsDifference(svd.singularValues, reference.singularValues) <= 1e-10 * norm)
        #expect(Fixtures.maxColumnDifferenceUpToSign(svd.u, try reference.u.matrix()) <= 1e-8)
        #expect(
            Fixtures.maxColumnDifferenceUpToSign(svd.vt.transposed(), try reference.vt.matrix().transposed()) <= 1e-8
        )
        #expect(Fixtures.maxAbsDifference(try svd.reconstructed().columnMajor, a.columnMajor) <= 1e-12 * norm)
    }

    @Test func truncationKeepsTheLeadingTriplets() throws {
        var generator = SplitMix64(seed: 0x5EED_0005)
        let a = Fixtures.randomMatrix(rows: 12, columns: 9, generator: &generator)
        let svd = try SingularValueDecomposition(a)
        let top3 = svd.truncated(rank: 3)
        #expect(top3.rank == 3)
        #expect(top3.singularValues == Array(svd.singularValues.prefix(3)))
        #expect((top3.u.rows, top3.u.columns, top3.vt.rows, top3.vt.columns) == (12, 3, 3, 9))
        #expect(top3.u.column(2) == svd.u.column(2))
        #expect(top3.vt.row(2) == svd.vt.row(2))
        #expect(svd.truncated(rank: 100).rank == 9)
        #expect(svd.truncated(rank: -1).rank == 0)
        // Eckart–Young: the rank-3 error in the Frobenius norm is the norm of the dropped singular values.
        let residual = zip(try top3.reconstructed().columnMajor, a.columnMajor).reduce(0) {
            $0 + ($1.0 - $1.1) * ($1.0 - $1.1)
        }
        let dropped = svd.singularValues.dropFirst(3).reduce(0) { $0 + $1 * $1 }
        #expect(abs(residual - dropped) <= 1e-12 * dropped)
    }

    @Test func emptyAndInvalidInput() throws {
        let empty = try SingularValueDecomposition(Matrix(rows: 0, columns: 3))
        #expect(empty.rank == 0)
        #expect((empty.u.rows, empty.u.columns, empty.vt.rows, empty.vt.columns) == (0, 0, 0, 3))
        #expect(try empty.reconstructed() == Matrix(rows: 0, columns: 3))

        var a = Matrix(rows: 3, columns: 2, repeating: 1)
        a[1, 1] = .nan
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dgesdd_")) { try SingularValueDecomposition(a) }
        a[1, 1] = -.infinity
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dgesdd_")) { try SingularValueDecomposition(a) }
    }
}
