import StitchNumerics
import Testing

@Suite("SymmetricEigendecomposition (dsyevr) against numpy.linalg.eigh")
struct SymmetricEigendecompositionTests {
    struct Reference: Decodable {
        let eigenvalues: [Double]
        let eigenvectors: NumPyReference.MatrixJSON
    }

    static let script = """
        w, v = np.linalg.eigh(mat(inp))
        out({"eigenvalues": w.tolist(), "eigenvectors": matjson(v)})
        """

    /// The random matrix and numpy's answer, computed once for the whole suite.
    static let shared = Result { () throws -> (Matrix, Reference) in
        var generator = SplitMix64(seed: 0x5EED_0001)
        let matrix = Fixtures.randomSymmetric(50, generator: &generator)
        let reference = try NumPyReference.run(script, input: NumPyReference.MatrixJSON(matrix), as: Reference.self)
        return (matrix, reference)
    }

    let matrix: Matrix
    let reference: Reference
    let spectralNorm: Double

    init() throws {
        (self.matrix, self.reference) = try Self.shared.get()
        self.spectralNorm = self.reference.eigenvalues.map(abs).max() ?? 1
    }

    /// Checks `eig` against numpy's eigenpairs at 0-based `positions`.
    func expectMatches(_ eig: SymmetricEigendecomposition, positions: Range<Int>) throws {
        let expectedValues = Array(self.reference.eigenvalues[positions])
        #expect(eig.eigenvalues.count == positions.count)
        #expect(Fixtures.maxAbsDifference(eig.eigenvalues, expectedValues) <= 1e-10 * self.spectralNorm)
        let vectors = try #require(eig.eigenvectors)
        let all = try self.reference.eigenvectors.matrix()
        var expectedVectors = Matrix(rows: all.rows, columns: positions.count)
        for (target, source) in positions.enumerated() {
            for i in 0..<all.rows {
                expectedVectors[i, target] = all[i, source]
            }
        }
        #expect(Fixtures.maxColumnDifferenceUpToSign(vectors, expectedVectors) <= 1e-8)
    }

    @Test func allEigenpairs() throws {
        let eig = try SymmetricEigendecomposition(self.matrix)
        try self.expectMatches(eig, positions: 0..<50)
        #expect(eig.eigenvalues == eig.eigenvalues.sorted())
    }

    @Test func smallestEigenpairs() throws {
        try self.expectMatches(try SymmetricEigendecomposition(self.matrix, selection: .smallest(5)), positions: 0..<5)
    }

    @Test func largestEigenpairs() throws {
        try self.expectMatches(try SymmetricEigendecomposition(self.matrix, selection: .largest(4)), positions: 46..<50)
    }

    @Test func eigenpairsByIndex() throws {
        let eig = try SymmetricEigendecomposition(self.matrix, selection: .indices(10...17))
        try self.expectMatches(eig, positions: 10..<18)
    }

    @Test func eigenvaluesOnly() throws {
        let eig = try SymmetricEigendecomposition(self.matrix, selection: .largest(3), computeEigenvectors: false)
        #expect(eig.eigenvectors == nil)
        let expected = Array(self.reference.eigenvalues[47..<50])
        #expect(Fixtures.maxAbsDifference(eig.eigenvalues, expected) <= 1e-10 * self.spectralNorm)
    }

    @Test func eigenvectorsAreOrthonormalAndSatisfyTheEquation() throws {
        let eig = try SymmetricEigendecomposition(self.matrix)
        let v = try #require(eig.eigenvectors)
        let identity = Matrix.identity(50)
        #expect(Fixtures.maxAbsDifference(try v.gram().columnMajor, identity.columnMajor) <= 1e-12)
        let av = try self.matrix.multiplied(by: v)
        var vLambda = v
        for j in 0..<50 {
            for i in 0..<50 {
                vLambda[i, j] *= eig.eigenvalues[j]
            }
        }
        #expect(Fixtures.maxAbsDifference(av.columnMajor, vLambda.columnMajor) <= 1e-12 * self.spectralNorm)
    }

    @Test func badSelectionsThrow() {
        #expect(throws: LAPACKError.self) { try SymmetricEigendecomposition(self.matrix, selection: .smallest(51)) }
        #expect(throws: LAPACKError.self) { try SymmetricEigendecomposition(self.matrix, selection: .largest(-1)) }
        #expect(throws: LAPACKError.self) { try SymmetricEigendecomposition(self.matrix, selection: .indices(45...50)) }
        #expect(throws: LAPACKError.self) { try SymmetricEigendecomposition(self.matrix, selection: .indices(-1...2)) }
    }
}
