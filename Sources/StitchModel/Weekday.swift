/// A day of the week, written on the wire as `mon` … `sun`.
public enum Weekday: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Zero-based index, Monday first.
    public var index: Int { Weekday.allCases.firstIndex(of: self)! }

    /// The short English name, for reasons shown to people ("Wed").
    public var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }

    /// Reads `mon` … `sun` and the other ways people write a day (`Tues`, `Tuesday`, `Tuesdays`,
    /// `weds`), by ``WeeklyTimeText``, the one reader of days and times.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        if let day = Weekday(rawValue: raw) ?? Weekday(spelled: raw.lowercased()) {
            self = day
            return
        }
        throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.unknownDayReason(raw))
    }

    /// "unknown day 'tuseday'; expected one of mon, …, sun; did you mean 'tue'?": the nearest of
    /// the short and full names, given as its short name.
    public static func unknownDayReason(_ raw: String) -> String {
        let names = allCases.map(\.rawValue) + ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        let near = NearestWord.nearest(to: raw.lowercased(), among: names).flatMap { Weekday(spelled: $0) }
        return "unknown day '\(NearestWord.shown(raw))'; expected one of \(allowedNames)\(NearestWord.didYouMean(near?.rawValue))"
    }
}
