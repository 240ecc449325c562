/// A broker asked `candidate` (a helper member) to help `subject` (the member or referred person
/// the help is for) on `date`.
///
/// Asks are how often a helper is being put to work, whether or not an exchange follows: the
/// reciprocity factor's load term reads them (recent asks, and asks still waiting for an
/// exchange), so the same few helpers are not asked every time. A buddy offered on a referral
/// counts as an ask of that buddy on the referral's day. The wire shape:
/// `{"subject": "m-arthur", "candidate": "m-jade", "date": "2026-11-30"}`.
public struct Ask: Sendable, Hashable, Codable {
    /// The member or referred person the help is for.
    public var subject: String
    /// The helper member who was asked.
    public var candidate: String
    /// The day of the ask; the service sets today when not given.
    public var date: CalendarDate?

    public init(subject: String, candidate: String, date: CalendarDate? = nil) {
        self.subject = subject
        self.candidate = candidate
        self.date = date
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case subject, candidate, date }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        subject = try c.decodeIdentifier(forKey: .subject)
        candidate = try c.decodeIdentifier(forKey: .candidate)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        if let problem = validationErrors().first {
            let key = CodingKeys(stringValue: problem.field) ?? .subject
            throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem.reason)
        }
    }

    /// The problems of this ask taken alone, each at its field; empty when it is sound. Ids are
    /// not looked up here.
    public func validationErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(subject, field: "subject", into: &errors)
        RecordBounds.checkID(candidate, field: "candidate", into: &errors)
        if subject == candidate {
            errors.append(.init(field: "candidate", reason: "a person cannot be asked to help themself; give another member"))
        }
        return errors
    }
}
