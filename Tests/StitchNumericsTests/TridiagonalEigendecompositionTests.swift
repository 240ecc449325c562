import StitchNumerics
import Testing

@Suite("TridiagonalEigendecomposition (dstevr) against scipy.linalg.eigh_tridiagonal")
struct TridiagonalEigendecompositionTests {
    struct Input: Encodable {
        let diagonal: [Double]
        let offDiagonal: [Double]
    }

    struct Reference: Decodable {
        let eigenvalues: [Double]
        let eigenvectors: NumPyReference.MatrixJSON
    }

    static let script = """
        w, v = scipy.linalg.eigh_tridiagonal(np.array(inp["diagonal"]), np.array(inp["offDiagonal"]))
        out({"eigenvalues": w.tolist(), "eigenvectors": matjson(v)})
        """

    static let n = 200

    /// A perturbed 1-D Laplacian (like the T a Lanczos run produces) and scipy's answer, computed once.
    static let shared = Result { () throws -> (Input, Reference) in
        var generator = SplitMix64(seed: 0x5EED_0002)
        let diagonal = (0..<n).map { _ in 2 + Double.random(in: -0.3..<0.3, using: &generator) }
        let offDiagonal = (0..<(n - 1)).map { _ in -1 + Double.random(in: -0.3..<0.3, using: &generator) }
        let input = Input(diagonal: diagonal, offDiagonal: offDiagonal)
        return (input, try NumPyReference.run(script, input: input, as: Reference.self))
    }

    let input: Input
    let reference: Reference
    let spectralNorm: Double

    init() throws {
        (self.input, self.reference) = try Self.shared.get()
        self.spectralNorm = self.reference.eigenvalues.map(abs).max() ?? 1
    }

    func expectMatches(_ eig: TridiagonalEigendecomposition, positions: Range<Int>) throws {
        #expect(eig.eigenvalues.count == positions.count)
        let expectedValues = Array(self.reference.eigenvalues[positions])
        #expect(Fixtures.maxAbsDifference(eig.eigenvalues, expectedValues) <= 1e-10 * self.spectralNorm)
        let vectors = try #require(eig.eigenvectors)
        let all = try self.reference.eigenvectors.matrix()
        var expectedVectors = Matrix(rows: Self.n, columns: positions.count)
        for (target, source) in positions.enumerated() {
            for i in 0..<Self.n {
                expectedVectors[i, target] = all[i, source]
            }
        }
        // Eigenvector accuracy scales with 1/gap; the smallest gaps here are ~1e-4 of the norm.
        #expect(Fixtures.maxColumnDifferenceUpToSign(vectors, expectedVectors) <= 1e-8)
    }

    @Test func allEigenpairs() throws {
        let eig = try TridiagonalEigendecomposition(diagonal: self.input.diagonal, offDiagonal: self.input.offDiagonal)
        try self.expectMatches(eig, positions: 0..<Self.n)
    }

    @Test(arguments: [
        (EigenvalueSelection.smallest(6), 0..<6),
        (EigenvalueSelection.largest(6), 194..<200),
        (EigenvalueSelection.indices(90...99), 90..<100),
    ])
    func selectedEigenpairs(selection: EigenvalueSelection, positions: Range<Int>) throws {
        let eig = try TridiagonalEigendecomposition(
            diagonal: self.input.diagonal, offDiagonal: self.input.offDiagonal, selection: selection)
        try self.expectMatches(eig, positions: positions)
    }

    @Test func oneByOne() throws {
        let eig = try TridiagonalEigendecomposition(diagonal: [3.5], offDiagonal: [])
        #expect(eig.eigenvalues == [3.5])
        #expect(eig.eigenvectors.map { abs($0[0, 0]) } == 1)
    }

    @Test func badInputsThrow() {
        #expect(
            throws: LAPACKError.invalidDimensions(routine: "dstevr_", reason: "off-diagonal has 2 elements; expected 1")
        ) {
            try TridiagonalEigendecomposition(diagonal: [1, 2], offDiagonal: [1, 2])
        }
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dstevr_")) {
            try TridiagonalEigendecomposition(diagonal: [1, .nan], offDiagonal: [1])
        }
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dstevr_")) {
            try TridiagonalEigendecomposition(diagonal: [1, 2], offDiagonal: [.infinity])
        }
        #expect(throws: LAPACKError.self) {
            try TridiagonalEigendecomposition(diagonal: [1, 2], offDiagonal: [1], selection: .largest(3))
        }
    }

    @Test func emptyMatrix() throws {
        let eig = try TridiagonalEigendecomposition(diagonal: [], offDiagonal: [])
        #expect(eig.eigenvalues.isEmpty)
        #expect(eig.eigenvectors?.rows == 0)
    }
}
