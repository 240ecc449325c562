/// The person a referral or query is about: a stored member's id, or a member given inline
/// (a person referred by their GP who is not yet a member).
public enum PersonReference: Sendable, Hashable, Codable {
    case id(String)
    case inline(Member)

    /// The id either way.
    public var id: String {
        switch self {
        case .id(let id): id
        case .inline(let member): member.id
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(String.self) {
            if let problem = RecordBounds.idProblem(id) {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
            }
            self = .id(id)
        } else {
            self = .inline(try container.decode(Member.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .id(let id): try container.encode(id)
        case .inline(let member): try container.encode(member)
        }
    }
}

/// A social-prescribing referral: a person, their wellbeing goals and interests, and who referred them.
public struct Referral: Sendable, Hashable, Codable {
    public var id: String?
    public var person: PersonReference
    /// Five Ways goals for this referral; defaults to the person's own.
    public var goals: FiveWays?
    /// Interests for this referral, added to the person's own.
    public var interests: [String]
    /// Who referred: "gp", "link-worker", a practice id…
    public var referrer: String?
    /// Why, in the referrer's own words ("lonely since his wife died, used to enjoy woodwork"):
    /// read into needs, goals (when none are given) and interests when the engine matches by meaning.
    public var reason: String?
    /// When the person is free to go (weekly times). When given, an activity none of whose
    /// sessions overlaps them is excluded (under `availability`), so a plan never places the
    /// person in a session they cannot attend.
    public var when: [Slot]
    /// The most the person can pay, in pounds a session (0: free only); the person's own
    /// `maxCost` when not given.
    public var maxCost: Double?
    /// The person accepts an interpreter for this referral (as their record's `interpreter` does).
    public var interpreter: Bool

    public init(
        id: String? = nil, person: PersonReference, goals: FiveWays? = nil, interests: [String] = [], referrer: String? = nil,
        reason: String? = nil, when: [Slot] = [], maxCost: Double? = nil, interpreter: Bool = false
    ) {
        self.id = id
        self.person = person
        self.goals = goals
        self.interests = interests
        self.referrer = referrer
        self.reason = reason
        self.when = when
        self.maxCost = maxCost
        self.interpreter = interpreter
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, person, goals, interests, referrer, reason, when, maxCost, interpreter }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        person = try c.decode(PersonReference.self, forKey: .person)
        goals = try c.decodeIfPresent(FiveWays.self, forKey: .goals)
        interests = try c.decode([String].self, forKey: .interests, default: [])
        referrer = try c.decodeIfPresent(String.self, forKey: .referrer)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        when = try c.decode([Slot].self, forKey: .when, default: [])
        maxCost = try c.decodeNonNegative(forKey: .maxCost)
        interpreter = try c.decode(Bool.self, forKey: .interpreter, default: false)
        try c.enforce(boundErrors())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encode(person, forKey: .person)
        try c.encodeIfPresent(goals, forKey: .goals)
        try c.encode(interests, forKey: .interests)
        try c.encodeIfPresent(referrer, forKey: .referrer)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(when, forKey: .when)
        try c.encodeIfPresent(maxCost, forKey: .maxCost)
        if interpreter { try c.encode(interpreter, forKey: .interpreter) }
    }
}
