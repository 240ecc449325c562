/// A day of the week, written on the wire as `mon` … `sun`.
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Zero-based index, Monday first.
    public var index: Int { Weekday.allCases.firstIndex(of: self)! }

    /// The short English name, for reasons shown to people ("Wed").
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "day", ignoringCase: true)
    }
}
