import StitchJSON

extension JSONOutput {
    /// A finite number as Swift prints it, without a trailing `.0`.
    ///
    /// - Throws: ``ResponseWriter/Unsupported`` for an infinity or a NaN (Foundation's to refuse).
    mutating func number(_ value: Double) throws(ResponseWriter.Unsupported) {
        guard finiteNumber(value) else { throw ResponseWriter.Unsupported() }
    }

    /// A finite `Float` as Swift prints it, without a trailing `.0`.
    mutating func number(_ value: Float) throws(ResponseWriter.Unsupported) {
        guard finiteNumber(value) else { throw ResponseWriter.Unsupported() }
    }
}
