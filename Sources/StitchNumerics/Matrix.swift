/// A dense matrix of `Double`s stored column by column.
///
/// Column-major order is what LAPACK and BLAS expect, so a `Matrix` can be handed to them
/// without reshuffling. It is a value type (copy-on-write through its array), so it is safe to
/// share across tasks.
///
/// ```swift
/// let a = try Matrix(rows: [[1, 2], [3, 4]])
/// a[1, 0]                  // 3
/// a.columnMajor            // [1, 3, 2, 4]
/// let aTa = try a.gram()   // AᵀA
/// ```
public struct Matrix: Sendable, Hashable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements in column-major order: element (i, j) is at `i + j * rows`.
    public internal(set) var columnMajor: [Double]

    /// Creates a `rows × columns` matrix with every element set to `value`.
    ///
    /// Negative dimensions are a programming error and trap, as they do for `Array(repeating:count:)`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        precondition(!overflow, "Matrix dimensions overflow Int")
        self.rows = rows
        self.columns = columns
        self.columnMajor = [Double](repeating: value, count: count)
    }

    /// Creates a matrix from elements already in column-major order.
    ///
    /// Throws `LAPACKError.invalidDimensions` if the dimensions are negative or
    /// `columnMajor.count != rows * columns`, because such buffers usually come from data.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws(LAPACKError) {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, count == columnMajor.count else {
            throw .invalidDimensions(
                routine: "Matrix",
                reason: "\(columnMajor.count) elements cannot form a \(rows) × \(columns) matrix"
            )
        }
        self.rows = rows
        self.columns = columns
        self.columnMajor = columnMajor
    }

    /// Creates a matrix from a row-major literal, one inner array per row.
    ///
    /// This is a convenience for tests and small fixed matrices; the rows must all have the same
    /// length, otherwise it throws `LAPACKError.invalidDimensions`. An empty array gives a 0 × 0 matrix.
    ///
    /// ```swift
    /// let a = try Matrix(rows: [[1, 2, 3],
    ///                           [4, 5, 6]])   // 2 × 3
    /// ```
    public init(rows: [[Double]]) throws(LAPACKError) {
        let columns = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == columns }) else {
            throw .invalidDimensions(routine: "Matrix", reason: "rows of a matrix literal differ in length")
        }
        self.init(rows: rows.count, columns: columns)
        for (i, row) in rows.enumerated() {
            for (j, value) in row.enumerated() {
                self.columnMajor[i + j * rows.count] = value
            }
        }
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n {
            result.columnMajor[i + i * n] = 1
        }
        return result
    }

    /// The element at (`row`, `column`), both 0-based; out-of-range indices trap, as for `Array`.
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(
                row >= 0 && row < self.rows && column >= 0 && column < self.columns, "Matrix index out of range")
            return self.columnMajor[row + column * self.rows]
        }
        set {
            precondition(
                row >= 0 && row < self.rows && column >= 0 && column < self.columns, "Matrix index out of range")
            self.columnMajor[row + column * self.rows] = newValue
        }
    }

    /// `true` when no element is NaN or infinite.
    public var isFinite: Bool {
        self.columnMajor.allSatisfy(\.isFinite)
    }

    /// `true` when the matrix has no elements (zero rows or zero columns).
    public var isEmpty: Bool {
        self.rows == 0 || self.columns == 0
    }

    /// The transpose, as a new `columns × rows` matrix.
    public func transposed() -> Matrix {
        var result = Matrix(rows: self.columns, columns: self.rows)
        for j in 0..<self.columns {
            for i in 0..<self.rows {
                result.columnMajor[j + i * self.columns] = self.columnMajor[i + j * self.rows]
            }
        }
        return result
    }

    /// Column `j` as an array (a contiguous copy, since storage is column-major).
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < self.columns, "Matrix column index out of range")
        return Array(self.columnMajor[(j * self.rows)..<((j + 1) * self.rows)])
    }

    /// Row `i` as an array (a strided copy).
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < self.rows, "Matrix row index out of range")
        var result = [Double]()
        result.reserveCapacity(self.columns)
        for j in 0..<self.columns {
            result.append(self.columnMajor[i + j * self.rows])
        }
        return result
    }

    /// The leading `rowCount × columnCount` block, used to truncate factorisations.
    func leadingBlock(rows rowCount: Int, columns columnCount: Int) -> Matrix {
        var result = Matrix(rows: rowCount, columns: columnCount)
        for j in 0..<columnCount {
            for i in 0..<rowCount {
                result.columnMajor[i + j * rowCount] = self.columnMajor[i + j * self.rows]
            }
        }
        return result
    }
}
