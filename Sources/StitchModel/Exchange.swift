/// An exchange of time: `giver` gave `hours` of help to `receiver`, earning that many time credits.
public struct Exchange: Sendable, Hashable, Codable {
    public var id: String?
    public var giver: String
    public var receiver: String
    public var hours: Double
    public var skill: String?
    public var date: CalendarDate?

    public init(id: String? = nil, giver: String, receiver: String, hours: Double, skill: String? = nil, date: CalendarDate? = nil) {
        self.id = id
        self.giver = giver
        self.receiver = receiver
        self.hours = hours
        self.skill = skill
        self.date = date
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, giver, receiver, hours, skill, date }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        giver = try c.decodeIdentifier(forKey: .giver)
        receiver = try c.decodeIdentifier(forKey: .receiver)
        guard let h = try c.decodeNonNegative(forKey: .hours) else {
            throw DecodingError.keyNotFound(
                CodingKeys.hours, .init(codingPath: c.codingPath, debugDescription: "hours is required"))
        }
        hours = h
        skill = try c.decodeIfPresent(String.self, forKey: .skill)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        try c.enforce(boundErrors())
    }
}

/// A member attended an activity (on a date, when known).
public struct Attendance: Sendable, Hashable, Codable {
    public var member: String
    public var activity: String
    public var date: CalendarDate?

    public init(member: String, activity: String, date: CalendarDate? = nil) {
        self.member = member
        self.activity = activity
        self.date = date
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case member, activity, date }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        member = try c.decodeIdentifier(forKey: .member)
        activity = try c.decodeIdentifier(forKey: .activity)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        try c.enforce(boundErrors())
    }
}
