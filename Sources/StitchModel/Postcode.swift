/// A UK postcode, kept in its standard form: upper case, one space before the inward code
/// (`se136lh`, ` SE13  6LH ` and `Se13 6lh` are all `SE13 6LH`).
///
/// Members and activities may give a postcode instead of a latitude and longitude; `stitch import
/// --postcodes FILE` then finds the location in a postcode directory (docs/import.md). Only the
/// shape is checked here (an outward code such as `SE13`, `N1`, `EC1A` or `W1D`, then a digit and
/// two letters), not that the postcode exists.
///
/// ```swift
/// Postcode("se136lh")?.text   // "SE13 6LH"
/// Postcode("SE13")            // nil: an outward code alone
/// ```
public struct Postcode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The postcode in its standard form.
    public let text: String

    /// Reads a postcode in any case and spacing; `nil` when it does not have a postcode's shape.
    public init?(_ raw: String) {
        let compact = raw.unicodeScalars.filter { !$0.properties.isWhitespace }.map { Character($0) }
        let upper = String(compact).uppercased()
        guard (5...7).contains(upper.count), upper.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        let outward = upper.dropLast(3)
        let inward = upper.suffix(3)
        guard Self.isInward(inward), Self.isOutward(outward) || upper == "GIR0AA" else { return nil }
        text = "\(outward) \(inward)"
    }

    /// What a postcode looks like, for error messages.
    public static let expectedShape = "a UK postcode such as SE13 6LH (any case and spacing)"

    /// "'SE13' is not a UK postcode; expected a UK postcode such as SE13 6LH…", the name cut to 40 characters.
    public static func problem(_ raw: String) -> String {
        var shown = String(
            String.UnicodeScalarView(raw.unicodeScalars.prefix(40).map { RecordBounds.isControl($0) ? "?" : $0 }))
        if raw.unicodeScalars.count > 40 { shown += "…" }
        return "'\(shown)' is not a UK postcode; expected \(expectedShape)"
    }

    public var description: String { text }

    public static func < (lhs: Postcode, rhs: Postcode) -> Bool { lhs.text < rhs.text }

    /// A digit and two letters: `6LH`.
    private static func isInward(_ s: Substring) -> Bool {
        let c = Array(s)
        return c.count == 3 && c[0].isNumber && c[1].isLetter && c[2].isLetter
    }

    /// `A9`, `A99`, `AA9`, `AA99`, `A9A`, `AA9A`.
    private static func isOutward(_ s: Substring) -> Bool {
        let shape = String(s.map { $0.isLetter ? "A" : "9" })
        return ["A9", "A99", "AA9", "AA99", "A9A", "AA9A"].contains(shape)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let postcode = Postcode(raw) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.problem(raw))
        }
        self = postcode
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
