/// Days a member is away ("away 20 Dec – 3 Jan"): both dates included, `from` not after `to`.
///
/// A helper away on the day of a dated request, or a buddy or person away on the day of a dated
/// session, is excluded under `availability`. On the wire:
///
/// ```json
/// {"from": "2026-12-20", "to": "2027-01-03"}
/// ```
public struct AwayPeriod: Sendable, Hashable, Codable, CustomStringConvertible {
    public var from: CalendarDate
    public var to: CalendarDate

    /// Creates a period; `nil` when `to` is before `from`.
    public init?(from: CalendarDate, to: CalendarDate) {
        guard from <= to else { return nil }
        self.from = from
        self.to = to
    }

    /// Convenience for fixtures and generators: `AwayPeriod("2026-12-20", "2027-01-03")`.
    public init?(_ from: String, _ to: String) {
        guard let f = CalendarDate(parsing: from), let t = CalendarDate(parsing: to) else { return nil }
        self.init(from: f, to: t)
    }

    /// True when `date` is one of its days.
    public func contains(_ date: CalendarDate) -> Bool { from <= date && date <= to }

    /// True when it covers every day from `first` to `last`.
    public func covers(_ first: CalendarDate, through last: CalendarDate) -> Bool { from <= first && last <= to }

    /// "20 Dec – 3 Jan", or "20 Dec" for one day; years are named when it ends in another year
    /// than it starts and is more than a few weeks long ("1 Dec 2026 – 3 Mar 2027").
    public var description: String {
        if from == to { return from.shortText }
        if from.year != to.year, to.dayNumber - from.dayNumber > 60 { return "\(from.shortText) \(from.year) – \(to.shortText) \(to.year)" }
        return "\(from.shortText) – \(to.shortText)"
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case from, to }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        from = try c.decode(CalendarDate.self, forKey: .from)
        to = try c.decode(CalendarDate.self, forKey: .to)
        guard from <= to else {
            throw DecodingError.dataCorruptedError(
                forKey: .to, in: c,
                debugDescription: "to \(to) is before from \(from); expected {\"from\": \"2026-12-20\", \"to\": \"2027-01-03\"}")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
    }
}

extension CalendarDate {
    /// "15 Dec", for reasons shown to people.
    public var shortText: String {
        let (_, m, d) = components
        return "\(d) \(Self.monthNames[m - 1])"
    }

    /// "Tue 15 Dec", for reasons shown to people.
    public var dayText: String { "\(weekday.displayName) \(shortText)" }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

extension Array where Element == AwayPeriod {
    /// The period that holds `date`, if any.
    public func period(containing date: CalendarDate) -> AwayPeriod? { first { $0.contains(date) } }
}
