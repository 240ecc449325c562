/// Why a regression (``LogisticRegression``, ``RidgeRegression``) has no answer.
///
/// Each case says what is wrong with the data in plain words, so a caller can pass the reason
/// on (and a fit of outcome data can say what more it needs).
public enum RegressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The arguments do not fit together (lengths, signs, non-finite values).
    case invalidInput(String)
    /// The outcomes are perfectly predicted by a combination of the columns (or are all the
    /// same), so the unpenalised likelihood has no maximum: the coefficients run off to infinity.
    case separation(String)
    /// The iterations reached their cap before the coefficients settled.
    case didNotConverge(iterations: Int, lastStep: Double)
    /// LAPACK failed (rank deficiency, non-finite output), naming the routine.
    case numerical(LAPACKError)

    /// One line, plain English.
    public var description: String {
        switch self {
        case .invalidInput(let reason):
            return "invalid input: \(reason)"
        case .separation(let reason):
            return "the outcomes are perfectly separated (\(reason)); the fit has no finite answer without a penalty"
        case .didNotConverge(let iterations, let lastStep):
            return "did not converge in \(iterations) iterations (last step \(lastStep))"
        case .numerical(let error):
            return error.description
        }
    }
}
