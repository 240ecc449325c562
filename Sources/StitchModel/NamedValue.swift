/// Decoding of the named values read from outside (a day, a wellbeing way, an access term, a
/// scoring profile…), with an error in plain English that lists what is allowed:
/// `unknown profile 'admin'; expected one of broker, referral, planning`, with the nearest name
/// when one is near (`unknown day 'wod'; expected one of mon, …, sun; did you mean 'wed'?`).
///
/// Each such enum implements `init(from:)` with ``decodeNamed(from:kind:ignoringCase:)``, so no
/// reader ever shows Swift's "Cannot initialize … from invalid String value".
extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// The allowed names, comma-separated, in declaration order.
    public static var allowedNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Decodes one of the enum's names.
    ///
    /// - Parameters:
    ///   - kind: what the value is, as the error names it ("profile", "day").
    ///   - ignoringCase: accept any letter case (`Wed` for `wed`).
    public static func decodeNamed(from decoder: any Decoder, kind: String, ignoringCase: Bool = false) throws -> Self {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        if let value = Self(rawValue: ignoringCase ? raw.lowercased() : raw) { return value }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: unknownNameReason(raw, kind: kind))
    }

    /// "unknown profile 'admin'; expected one of broker, referral, planning", and, when a name is
    /// near the one given, "; did you mean 'broker'?" after it (``NearestWord``). The name given
    /// is shown cut to 40 characters, with control characters replaced.
    public static func unknownNameReason(_ raw: String, kind: String) -> String {
        let near = NearestWord.nearest(to: raw, among: allCases.map(\.rawValue))
        return "unknown \(kind) '\(NearestWord.shown(raw))'; expected one of \(allowedNames)\(NearestWord.didYouMean(near))"
    }
}
