import CLAPACK

/// Internal plumbing shared by the LAPACK and BLAS wrappers: checked integer conversions,
/// `info` checks, workspace sizes, and non-nil pointers into Swift arrays.
enum LAPACKSupport {
    /// OpenBLAS runs on one thread in Stitch, set once before the first routine: Stitch spreads
    /// its work over the cores itself, and a thread count that never changes keeps every
    /// result the same from one run to the next (OpenBLAS splits its sums by thread).
    static let singleThreaded: Void = openblas_set_num_threads(1)

    /// Converts a Swift `Int` to LAPACK's 32-bit `INTEGER`, throwing instead of trapping on overflow.
    ///
    /// Every wrapper converts its sizes here before calling a routine, so this also makes sure
    /// OpenBLAS is on one thread (``singleThreaded``).
    static func int32(_ value: Int, routine: String) throws(LAPACKError) -> Int32 {
        _ = singleThreaded
        guard let converted = Int32(exactly: value) else {
            throw .invalidDimensions(routine: routine, reason: "\(value) does not fit in a 32-bit LAPACK integer")
        }
        return converted
    }

    /// Throws `.failed` unless `info` is zero.
    static func check(info: Int32, routine: String) throws(LAPACKError) {
        guard info == 0 else { throw .failed(routine: routine, info: Int(info)) }
    }

    /// Reads the optimal workspace size a query (`lwork = -1`) wrote, never less than `minimum`.
    static func workspaceSize(_ reported: Double, minimum: Int, routine: String) throws(LAPACKError) -> Int {
        guard reported.isFinite, reported >= 0, reported < Double(Int32.max) else {
            throw .failed(routine: routine, info: Int(Int32.min))
        }
        return max(Int(reported.rounded(.up)), minimum, 1)
    }

    /// Throws `.nonFiniteInput` if any element of `values` is NaN or infinite.
    static func requireFiniteInput<C: Collection<Double>>(_ values: C, routine: String) throws(LAPACKError) {
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteInput(routine: routine) }
    }

    /// Throws `.nonFiniteOutput` if any element of `values` is NaN or infinite.
    static func requireFiniteOutput<C: Collection<Double>>(_ values: C, routine: String) throws(LAPACKError) {
        guard values.allSatisfy(\.isFinite) else { throw .nonFiniteOutput(routine: routine) }
    }
}

extension Array {
    /// Calls `body` with a non-nil pointer to the array's contiguous storage.
    ///
    /// LAPACK needs a valid address even for arrays it does not read, so callers size every
    /// buffer to at least one element; an empty array is reported as a dimension error rather
    /// than force-unwrapping a nil base address.
    mutating func withLAPACKPointer<R>(
        routine: String,
        _ body: (UnsafeMutablePointer<Element>) throws(LAPACKError) -> R
    ) throws(LAPACKError) -> R {
        let outcome: Result<R, LAPACKError> = self.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return .failure(.invalidDimensions(routine: routine, reason: "empty workspace buffer"))
            }
            return Result { () throws(LAPACKError) -> R in try body(base) }
        }
        return try outcome.get()
    }
}

extension Array {
    /// Calls `body` with a non-nil read-only pointer to the array's storage, without copying it.
    ///
    /// The read-only twin of `withLAPACKPointer`, for BLAS arguments declared `const`.
    func withLAPACKReadPointer<R>(
        routine: String,
        _ body: (UnsafePointer<Element>) throws(LAPACKError) -> R
    ) throws(LAPACKError) -> R {
        let outcome: Result<R, LAPACKError> = self.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return .failure(.invalidDimensions(routine: routine, reason: "empty input buffer"))
            }
            return Result { () throws(LAPACKError) -> R in try body(base) }
        }
        return try outcome.get()
    }
}
