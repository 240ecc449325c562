/// A broker's "not this one": `candidate` (a helper member or an activity) is not to be offered
/// to `subject` (the member or referred person an answer is for) again, until `until` if given.
///
/// Every job honours it for that subject: the candidate is excluded and counted under
/// `dismissed`, and `explain` says when the broker dismissed it and why. It lapses once the day
/// a query is judged on is after `until`. The wire shape:
/// `{"subject": "m-arthur", "candidate": "m-jade", "reason": "did not get on", "until": "2027-03-01"}`.
///
/// The reason is the broker's free text about people: it is answered and stored, never logged.
public struct Dismissal: Sendable, Hashable, Codable {
    /// The member or referred person the answers are for.
    public var subject: String
    /// The helper member or activity no longer to offer them.
    public var candidate: String
    /// Why, in the broker's words (optional).
    public var reason: String?
    /// The last day the dismissal holds; it holds for good when absent.
    public var until: CalendarDate?
    /// The day it was made; the service sets today when not given.
    public var date: CalendarDate?

    public init(subject: String, candidate: String, reason: String? = nil, until: CalendarDate? = nil, date: CalendarDate? = nil) {
        self.subject = subject
        self.candidate = candidate
        self.reason = reason
        self.until = until
        self.date = date
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case subject, candidate, reason, until, date }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        subject = try c.decodeIdentifier(forKey: .subject)
        candidate = try c.decodeIdentifier(forKey: .candidate)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        until = try c.decodeIfPresent(CalendarDate.self, forKey: .until)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        if let problem = validationErrors().first {
            let key = CodingKeys(stringValue: problem.field) ?? .subject
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem.reason)
        }
    }

    /// The problems of this dismissal taken alone, each at its field; empty when it is sound.
    /// Ids are not looked up here.
    public func validationErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(subject, field: "subject", into: &errors)
        RecordBounds.checkID(candidate, field: "candidate", into: &errors)
        if subject == candidate {
            errors.append(.init(field: "candidate", reason: "a person cannot be dismissed for themself"))
        }
        RecordBounds.checkText(reason, field: "reason", into: &errors)
        if let until, let date, until < date {
            errors.append(
                .init(field: "until", reason: "\(until) is before the day of the dismissal, \(date); give a later day, or none to dismiss for good"))
        }
        return errors
    }

    /// True when the dismissal holds on `day` (through `until`, inclusive).
    public func holds(on day: CalendarDate) -> Bool {
        guard let until else { return true }
        return day <= until
    }
}
