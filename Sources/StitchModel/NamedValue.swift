/// Decoding of the named values read from outside (a day, a wellbeing way, an access term, a
/// scoring profile…), with an error in plain English that lists what is allowed:
/// `unknown profile 'admin'; expected one of broker, referral, planning`.
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

    /// "unknown profile 'admin'; expected one of broker, referral, planning". The name given is
    /// shown cut to 40 characters, with control characters replaced.
    public static func unknownNameReason(_ raw: String, kind: String) -> String {
        var shown = String(String.UnicodeScalarView(raw.unicodeScalars.prefix(40).map { RecordBounds.isControl($0) ? "?" : $0 }))
        if raw.unicodeScalars.count > 40 { shown += "…" }
        return "unknown \(kind) '\(shown)'; expected one of \(allowedNames)"
    }
}
