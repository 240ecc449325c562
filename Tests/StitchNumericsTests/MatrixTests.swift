import StitchNumerics
import Testing

@Suite("Matrix")
struct MatrixTests {
    @Test func storageIsColumnMajor() throws {
        let a = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect((a.rows, a.columns) == (2, 3))
        #expect(a.columnMajor == [1, 4, 2, 5, 3, 6])
        #expect(a[1, 0] == 4)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(2) == [3, 6])
        #expect(try Matrix(rows: 2, columns: 3, columnMajor: [1, 4, 2, 5, 3, 6]) == a)
        #expect(a.transposed() == (try Matrix(rows: [[1, 4], [2, 5], [3, 6]])))
        #expect(Matrix.identity(2) == (try Matrix(rows: [[1, 0], [0, 1]])))
        #expect(Matrix(rows: 2, columns: 2, repeating: 7).columnMajor == [7, 7, 7, 7])
    }

    @Test func malformedShapesThrow() {
        #expect(throws: LAPACKError.self) { try Matrix(rows: [[1, 2], [3]]) }
        #expect(throws: LAPACKError.self) { try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3]) }
        #expect(throws: LAPACKError.self) { try Matrix(rows: -1, columns: 2, columnMajor: []) }
    }

    @Test func emptyMatrices() throws {
        let empty = try Matrix(rows: [])
        #expect((empty.rows, empty.columns, empty.isEmpty) == (0, 0, true))
        #expect(try Matrix(rows: 0, columns: 4).gram() == Matrix(rows: 4, columns: 4))
        #expect(
            try Matrix(rows: 3, columns: 0).multiplied(by: Matrix(rows: 0, columns: 2)) == Matrix(rows: 3, columns: 2))
    }

    @Test func productsMatchANaiveLoop() throws {
        var generator = SplitMix64(seed: 0x5EED_0007)
        let a = Fixtures.randomMatrix(rows: 7, columns: 5, generator: &generator)
        let b = Fixtures.randomMatrix(rows: 5, columns: 4, generator: &generator)
        let c = Fixtures.randomMatrix(rows: 7, columns: 3, generator: &generator)
        func naive(_ x: Matrix, _ y: Matrix) -> Matrix {
            var result = Matrix(rows: x.rows, columns: y.columns)
            for i in 0..<x.rows {
                for j in 0..<y.columns {
                    result[i, j] = (0..<x.columns).reduce(0) { $0 + x[i, $1] * y[$1, j] }
                }
            }
            return result
        }
        #expect(Fixtures.maxAbsDifference(try a.multiplied(by: b).columnMajor, naive(a, b).columnMajor) <= 1e-14)
        let aTc = try a.multiplied(by: c, transposeSelf: true)
        #expect(Fixtures.maxAbsDifference(aTc.columnMajor, naive(a.transposed(), c).columnMajor) <= 1e-14)
        let gram = try a.gram()
        #expect(Fixtures.maxAbsDifference(gram.columnMajor, naive(a.transposed(), a).columnMajor) <= 1e-14)
        #expect(gram == gram.transposed())
        let x = b.column(0)
        #expect(Fixtures.maxAbsDifference(try a.multiplied(by: x), naive(a, b).column(0)) <= 1e-14)
    }

    @Test func productsRejectBadShapesAndNonFiniteValues() throws {
        let a = Matrix(rows: 2, columns: 3, repeating: 1)
        #expect(throws: LAPACKError.self) { try a.multiplied(by: a) }
        #expect(throws: LAPACKError.self) { try a.multiplied(by: Matrix(rows: 3, columns: 1), transposeSelf: true) }
        #expect(throws: LAPACKError.self) { try a.multiplied(by: [1, 2]) }
        var nan = a
        nan[0, 2] = .nan
        #expect(!nan.isFinite && a.isFinite)
        #expect(throws: LAPACKError.nonFiniteInput(routine: "cblas_dgemm")) { try nan.multiplied(by: a.transposed()) }
        #expect(throws: LAPACKError.nonFiniteInput(routine: "cblas_dsyrk")) { try nan.gram() }
        // Overflow inside BLAS is caught on the way out.
        let huge = try Matrix(rows: [[1e200, 1e200]])
        #expect(throws: LAPACKError.nonFiniteOutput(routine: "cblas_dsyrk")) { try huge.gram() }
    }

    @Test func errorsDescribeThemselves() {
        #expect(LAPACKError.failed(routine: "dgels_", info: -3).description.contains("argument 3"))
        #expect(LAPACKError.failed(routine: "dgesdd_", info: 2).description.contains("info = 2"))
        #expect(LAPACKError.nonFiniteInput(routine: "dsyevr_").description == "dsyevr_: input contains NaN or infinity")
    }
}
