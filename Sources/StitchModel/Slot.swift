/// A weekly time slot: a day and a start and end time, such as Wednesday 13:00–17:00.
///
/// Availability of members and schedules of activities are lists of slots. A slot never
/// crosses midnight: an evening that runs late is two slots.
public struct Slot: Sendable, Hashable, Codable, CustomStringConvertible {
    public var day: Weekday
    public var start: TimeOfDay
    public var end: TimeOfDay

    /// Creates a slot; `nil` when `end` is not after `start`.
    public init?(day: Weekday, start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.day = day
        self.start = start
        self.end = end
    }

    /// Convenience for fixtures and generators: `Slot(.wed, "13:00", "17:00")`.
    public init?(_ day: Weekday, _ start: String, _ end: String) {
        guard let s = TimeOfDay(parsing: start), let e = TimeOfDay(parsing: end) else { return nil }
        self.init(day: day, start: s, end: e)
    }

    /// Length in minutes.
    public var minutes: Int { end.minutes - start.minutes }

    /// "Wed 13:00-17:00", for reasons shown to people.
    public var description: String { "\(day.displayName) \(start)-\(end)" }

    private enum CodingKeys: String, CodingKey, CaseIterable { case day, start, end }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        day = try c.decode(Weekday.self, forKey: .day)
        start = try c.decode(TimeOfDay.self, forKey: .start)
        end = try c.decode(TimeOfDay.self, forKey: .end)
        guard start < end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: c, debugDescription: "end \(end) is not after start \(start)")
        }
    }
}
