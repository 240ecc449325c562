/// A local wall-clock time, written on the wire as `"HH:MM"` (`"24:00"` ends a day).
///
/// Stored as minutes since midnight so that comparisons and overlaps are integer arithmetic.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0 ... 1440.
    public let minutes: Int

    /// Creates a time from minutes since midnight; `nil` outside 0 ... 1440.
    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Creates a time from hours and minutes; `nil` when out of range.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...24).contains(hour), (0..<60).contains(minute), hour * 60 + minute <= 1440 else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// Parses `"HH:MM"` (or `"H:MM"`), ASCII digits only (not `+1:00` or `10:-5`, which `Int`
    /// alone would read); `nil` when malformed.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let digits = { (part: Substring) in part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            digits(parts[0]), digits(parts[1]),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var description: String {
        let h = minutes / 60, m = minutes % 60
        return (h < 10 ? "0" : "") + String(h) + ":" + (m < 10 ? "0" : "") + String(m)
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let time = TimeOfDay(parsing: raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(raw)' is not a time; expected \"HH:MM\" between 00:00 and 24:00")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
