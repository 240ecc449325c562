/// An error thrown by a StitchNumerics routine: a LAPACK failure, non-finite data, or an unusable argument.
///
/// Every decomposition in this module validates its input before calling LAPACK and its output
/// after, so a NaN or infinity never leaves the module silently: it becomes one of these errors,
/// naming the routine that saw it.
///
/// ```swift
/// do {
///     let eig = try SymmetricEigendecomposition(matrix)
/// } catch let error as LAPACKError {
///     print(error)  // "dsyevr_: input contains NaN or infinity"
/// }
/// ```
public enum LAPACKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A LAPACK routine returned a non-zero `info` code.
    ///
    /// A negative `info` means argument number `-info` had an illegal value (a bug in the caller);
    /// a positive one means the algorithm did not converge, or the matrix is singular or
    /// rank-deficient, depending on the routine.
    case failed(routine: String, info: Int)

    /// The input handed to `routine` contains NaN or an infinity.
    case nonFiniteInput(routine: String)

    /// `routine` produced NaN or an infinity from finite input (overflow or breakdown).
    case nonFiniteOutput(routine: String)

    /// The shapes handed to `routine` do not fit together, or do not fit LAPACK's 32-bit integers.
    case invalidDimensions(routine: String, reason: String)

    /// An argument of `routine` other than a shape is out of range (for example `k` larger than `n`).
    case invalidArgument(routine: String, reason: String)

    /// A one-line, human-readable explanation naming the routine.
    public var description: String {
        switch self {
        case .failed(let routine, let info) where info < 0:
            return "\(routine): argument \(-info) had an illegal value (info = \(info))"
        case .failed(let routine, let info):
            return "\(routine): failed to converge, or the matrix is singular or rank-deficient (info = \(info))"
        case .nonFiniteInput(let routine):
            return "\(routine): input contains NaN or infinity"
        case .nonFiniteOutput(let routine):
            return "\(routine): result contains NaN or infinity"
        case .invalidDimensions(let routine, let reason):
            return "\(routine): invalid dimensions: \(reason)"
        case .invalidArgument(let routine, let reason):
            return "\(routine): invalid argument: \(reason)"
        }
    }
}
