import StitchNumerics
import Testing

@Suite("LeastSquares (dgels) against numpy.linalg.lstsq")
struct LeastSquaresTests {
    struct Input: Encodable {
        let a: NumPyReference.MatrixJSON
        let b: NumPyReference.MatrixJSON
    }

    struct Reference: Decodable {
        let solution: NumPyReference.MatrixJSON
        let residualSumOfSquares: [Double]
    }

    static let script = """
        a = mat(inp["a"]); b = mat(inp["b"])
        x, rss, rank, _ = np.linalg.lstsq(a, b, rcond=None)
        assert rank == a.shape[1]
        out({"solution": matjson(x), "residualSumOfSquares": rss.tolist()})
        """

    @Test func matchesNumPyForSeveralRightHandSides() throws {
        var generator = SplitMix64(seed: 0x5EED_0006)
        let a = Fixtures.randomMatrix(rows: 60, columns: 5, generator: &generator)
        let b = Fixtures.randomMatrix(rows: 60, columns: 3, generator: &generator)
        let fit = try LeastSquares.solve(a: a, b: b)
        let reference = try NumPyReference.run(
            Self.script,
            input: Input(a: NumPyReference.MatrixJSON(a), b: NumPyReference.MatrixJSON(b)),
            as: Reference.self
        )
        let expected = try reference.solution.matrix()
        let scale = expected.columnMajor.map(abs).max() ?? 1
        #expect((fit.coefficients.rows, fit.coefficients.columns) == (5, 3))
        #expect(Fixtures.maxAbsDifference(fit.coefficients.columnMajor, expected.columnMajor) <= 1e-10 * scale)
        for (rss, expectedRSS) in zip(fit.residualSumOfSquares, reference.residualSumOfSquares) {
            #expect(abs(rss - expectedRSS) <= 1e-10 * expectedRSS)
        }
        #expect(fit.solution == fit.coefficients.column(0))
    }

    @Test func recoversExactCoefficients() throws {
        // y = 1.5 − 2x + 0.25x², sampled without noise: the fit is exact and the residual vanishes.
        let xs = (0..<20).map { Double($0) / 4 }
        let a = try Matrix(rows: xs.map { [1, $0, $0 * $0] })
        let y = xs.map { 1.5 - 2 * $0 + 0.25 * $0 * $0 }
        let fit = try LeastSquares.solve(a: a, b: y)
        #expect(Fixtures.maxAbsDifference(fit.solution, [1.5, -2, 0.25]) <= 1e-12)
        #expect(fit.residualSumOfSquares[0] <= 1e-20)
    }

    @Test func invalidSystemsThrow() throws {
        var a = Matrix(rows: 4, columns: 2, repeating: 1)
        #expect(throws: LAPACKError.self) { try LeastSquares.solve(a: Matrix(rows: 2, columns: 3), b: [1, 2]) }
        #expect(throws: LAPACKError.self) { try LeastSquares.solve(a: a, b: [1, 2, 3]) }
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dgels_")) {
            try LeastSquares.solve(a: a, b: [1, 2, .nan, 4])
        }

        // A zero column makes R singular: dgels reports it rather than returning garbage.
        a = try Matrix(rows: [[1, 0, 2], [3, 0, 1], [4, 0, 5], [1, 0, 1]])
        #expect(throws: LAPACKError.failed(routine: "dgels_", info: 2)) {
            try LeastSquares.solve(a: a, b: [1, 2, 3, 4])
        }
    }

    @Test func noUnknownsLeavesTheWholeRightHandSideAsResidual() throws {
        let fit = try LeastSquares.solve(a: Matrix(rows: 3, columns: 0), b: [1, 2, 2])
        #expect(fit.solution.isEmpty)
        #expect(fit.residualSumOfSquares == [9])
    }
}
