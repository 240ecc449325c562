import CLAPACK

/// Unit vectors of one dimension kept as the columns of a column-major `Float` matrix
/// (dimension × count), with their dot products against a query through BLAS (`cblas_sgemv`).
///
/// What a sentence encoder's vectors are stored in: one column per text, appended as texts
/// arrive; the dot products of unit vectors are their cosines.
///
/// ```swift
/// var columns = UnitColumns(dimension: 384)
/// try columns.append(vector)
/// let cosines = try columns.dotProducts(with: query)   // one per column
/// ```
public struct UnitColumns: Sendable {
    /// The length of every column.
    public let dimension: Int
    /// The columns, one after another (column-major).
    public private(set) var storage: [Float] = []

    public init(dimension: Int) {
        precondition(dimension > 0, "a vector has at least one component")
        self.dimension = dimension
    }

    /// The number of columns.
    public var count: Int { storage.count / dimension }

    /// Adds a column at the end.
    ///
    /// - Throws: ``LAPACKError/invalidDimensions(routine:reason:)`` for a vector of another
    ///   length, ``LAPACKError/nonFiniteInput(routine:)`` for NaN or infinity.
    public mutating func append(_ vector: [Float]) throws(LAPACKError) {
        try Self.check(vector, dimension: dimension)
        storage.append(contentsOf: vector)
    }

    /// Column `j`.
    public func column(_ j: Int) -> ArraySlice<Float> { storage[(j * dimension)..<((j + 1) * dimension)] }

    /// The dot product of every column with `vector`, in column order.
    ///
    /// - Throws: as ``append(_:)`` for a bad query.
    public func dotProducts(with vector: [Float]) throws(LAPACKError) -> [Float] {
        try dotProducts(with: vector, columns: 0..<count)
    }

    /// The dot product of each column in `range` with `vector`, in column order.
    ///
    /// - Throws: as ``append(_:)`` for a bad query; ``LAPACKError/invalidArgument(routine:reason:)``
    ///   for a range outside the columns.
    public func dotProducts(with vector: [Float], columns range: Range<Int>) throws(LAPACKError) -> [Float] {
        try Self.check(vector, dimension: dimension)
        guard range.lowerBound >= 0, range.upperBound <= count else {
            throw .invalidArgument(routine: "cblas_sgemv", reason: "columns \(range) outside 0..<\(count)")
        }
        let n = range.count
        guard n > 0 else { return [] }
        let routine = "cblas_sgemv"
        let rows = try LAPACKSupport.int32(dimension, routine: routine)
        let columns = try LAPACKSupport.int32(n, routine: routine)
        var out = [Float](repeating: 0, count: n)
        storage.withUnsafeBufferPointer { a in
            vector.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { y in
                    // y = Aᵀ·x, A being dimension × n column-major.
                    cblas_sgemv(
                        CblasColMajor, CblasTrans, rows, columns, 1, a.baseAddress! + range.lowerBound * dimension, rows, x.baseAddress, 1,
                        0, y.baseAddress, 1)
                }
            }
        }
        guard out.allSatisfy(\.isFinite) else { throw .nonFiniteOutput(routine: routine) }
        return out
    }

    private static func check(_ vector: [Float], dimension: Int) throws(LAPACKError) {
        guard vector.count == dimension else {
            throw .invalidDimensions(routine: "cblas_sgemv", reason: "a vector of \(vector.count) components where \(dimension) are kept")
        }
        guard vector.allSatisfy(\.isFinite) else { throw .nonFiniteInput(routine: "cblas_sgemv") }
    }
}
