/// A time on one calendar day, such as Tuesday 15 December 2026 10:00–12:00: a one-off request
/// for help, or a one-off session of an activity (a Christmas lunch).
///
/// It never crosses midnight, like ``Slot``. On the wire it is written either as an object or as
/// an ISO 8601 time interval on one day (both read; the object is written):
///
/// ```json
/// {"date": "2026-12-15", "start": "10:00", "end": "12:00"}
/// "2026-12-15T10:00/2026-12-15T12:00"
/// ```
public struct DatedSlot: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var date: CalendarDate
    public var start: TimeOfDay
    public var end: TimeOfDay

    /// Creates a dated time; `nil` when `end` is not after `start`.
    public init?(date: CalendarDate, start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.date = date
        self.start = start
        self.end = end
    }

    /// Convenience for fixtures and generators: `DatedSlot("2026-12-15", "10:00", "12:00")`.
    public init?(_ date: String, _ start: String, _ end: String) {
        guard let d = CalendarDate(parsing: date), let s = TimeOfDay(parsing: start), let e = TimeOfDay(parsing: end) else {
            return nil
        }
        self.init(date: d, start: s, end: e)
    }

    /// The weekly slot it falls in: the same times on its date's weekday.
    public var weekly: Slot { Slot(day: date.weekday, start: start, end: end)! }

    /// Length in minutes.
    public var minutes: Int { end.minutes - start.minutes }

    /// "Tue 15 Dec, 10:00–12:00", for reasons shown to people.
    public var description: String { "\(date.dayText), \(start)–\(end)" }

    /// The ISO 8601 interval, `2026-12-15T10:00/2026-12-15T12:00`.
    public var isoInterval: String { "\(date)T\(start)/\(date)T\(end)" }

    public static func < (lhs: DatedSlot, rhs: DatedSlot) -> Bool {
        (lhs.date, lhs.start, lhs.end) < (rhs.date, rhs.start, rhs.end)
    }

    /// The forms a dated time may take, for error messages.
    public static let acceptedForms =
        "expected {\"date\": \"2026-12-15\", \"start\": \"10:00\", \"end\": \"12:00\"} or \"2026-12-15T10:00/2026-12-15T12:00\""

    /// Parses an ISO 8601 interval on one day, `YYYY-MM-DDTHH:MM/YYYY-MM-DDTHH:MM`.
    ///
    /// - Returns: the time, or why the text is not one (an interval spanning days, ending before
    ///   it starts, or malformed).
    public static func parse(isoInterval text: String) -> Result<DatedSlot, DatedSlotProblem> {
        let halves = text.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, let from = dateTime(halves[0]), let to = dateTime(halves[1]) else {
            return .failure(.init("'\(NearestWord.shown(text))' is not a dated time; \(acceptedForms)"))
        }
        guard from.date == to.date else {
            return .failure(.init("an interval must start and end on the same day (\(from.date) and \(to.date)); give one dated time per day"))
        }
        guard let slot = DatedSlot(date: from.date, start: from.time, end: to.time) else {
            return .failure(.init("end \(to.time) is not after start \(from.time)"))
        }
        return .success(slot)
    }

    /// Reads a dated time as people write one in a sheet or on the command line:
    /// `2026-12-15 10:00-12:00`, or the ISO 8601 interval.
    ///
    /// - Returns: `nil` when the text does not start with a date (it may be a weekly time), else
    ///   the time or why the text is not one.
    public static func parse(text: String) -> Result<DatedSlot, DatedSlotProblem>? {
        let trimmed = text.trimmingSpaces
        let head = trimmed.prefix { $0 != " " && $0 != "T" && $0 != "t" }
        guard head.count == 10, head.filter({ $0 == "-" }).count == 2, head.first?.isNumber == true else { return nil }
        guard let date = CalendarDate(parsing: String(head)) else {
            return .failure(.init("'\(head)' is not a date; write a dated time as 2026-12-15 10:00-12:00"))
        }
        if trimmed.contains("/") { return parse(isoInterval: String(trimmed)) }
        let times = trimmed.dropFirst(head.count).split(separator: "-").map { String(String($0).trimmingSpaces) }
        guard times.count == 2, let start = TimeOfDay(parsing: times[0]), let end = TimeOfDay(parsing: times[1]) else {
            return .failure(.init("'\(NearestWord.shown(String(trimmed)))' is not a dated time; write it as 2026-12-15 10:00-12:00"))
        }
        guard let slot = DatedSlot(date: date, start: start, end: end) else {
            return .failure(.init("end \(end) is not after start \(start)"))
        }
        return .success(slot)
    }

    /// `YYYY-MM-DDTHH:MM` (a `T` or a space between), or `nil`.
    private static func dateTime(_ text: Substring) -> (date: CalendarDate, time: TimeOfDay)? {
        guard let t = text.firstIndex(where: { $0 == "T" || $0 == "t" }),
            let date = CalendarDate(parsing: String(text[..<t])),
            let time = TimeOfDay(parsing: String(text[text.index(after: t)...]))
        else { return nil }
        return (date, time)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case date, start, end }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            switch Self.parse(isoInterval: text) {
            case .success(let slot): self = slot
            case .failure(let problem): throw DecodingError.dataCorruptedError(in: single, debugDescription: problem.reason)
            }
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        date = try c.decode(CalendarDate.self, forKey: .date)
        start = try c.decode(TimeOfDay.self, forKey: .start)
        end = try c.decode(TimeOfDay.self, forKey: .end)
        guard start < end else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: c, debugDescription: "end \(end) is not after start \(start)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }
}

/// Why a text is not a dated time.
public struct DatedSlotProblem: Error, Sendable, Hashable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}
