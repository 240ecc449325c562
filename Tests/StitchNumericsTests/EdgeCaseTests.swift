import StitchNumerics
import Testing

@Suite("Decompositions: empty, invalid and non-finite input")
struct EdgeCaseTests {
    @Test func nanAndInfinityThrowNonFiniteInput() {
        var a = Matrix.identity(4)
        a[2, 1] = .nan
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dsyevr_")) { try SymmetricEigendecomposition(a) }
        a[2, 1] = .infinity
        #expect(throws: LAPACKError.nonFiniteInput(routine: "dsyevr_")) {
            try SymmetricEigendecomposition(a, selection: .smallest(1))
        }
    }

    @Test func nonSquareMatrixIsRejected() {
        #expect(throws: LAPACKError.self) { try SymmetricEigendecomposition(Matrix(rows: 3, columns: 2)) }
    }

    @Test func emptyMatrixGivesAnEmptyDecomposition() throws {
        let eig = try SymmetricEigendecomposition(Matrix(rows: 0, columns: 0))
        #expect(eig.eigenvalues.isEmpty)
        #expect(eig.eigenvectors == Matrix(rows: 0, columns: 0))
        #expect(try SymmetricEigendecomposition(Matrix(rows: 0, columns: 0), selection: .smallest(0)).eigenvalues == [])
        #expect(throws: LAPACKError.self) {
            try SymmetricEigendecomposition(Matrix(rows: 0, columns: 0), selection: .largest(1))
        }
    }

    @Test func zeroEigenpairsAreAnEmptySelection() throws {
        let eig = try SymmetricEigendecomposition(Matrix.identity(3), selection: .largest(0))
        #expect(eig.eigenvalues.isEmpty)
        #expect(eig.eigenvectors?.rows == 3)
        #expect(eig.eigenvectors?.columns == 0)
    }

    @Test func smallKnownMatrix() throws {
        let eig = try SymmetricEigendecomposition(try Matrix(rows: [[2, 1], [1, 2]]))
        #expect(Fixtures.maxAbsDifference(eig.eigenvalues, [1, 3]) <= 1e-15)
        let v = try #require(eig.eigenvectors)
        #expect(abs(abs(v[0, 1]) - 0.5.squareRoot()) <= 1e-15)
        #expect(abs(v[0, 1] - v[1, 1]) <= 1e-15)
    }
}
