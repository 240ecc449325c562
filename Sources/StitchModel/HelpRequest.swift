/// A "who can help?" request: a skill wanted, optionally at given times, at home, with a DBS check.
///
/// `requester` may be omitted for a member of the public; `location` is then required.
public struct HelpRequest: Sendable, Hashable, Codable {
    public var requester: String?
    public var skill: String
    /// When help is wanted. When given, helpers with no overlap are excluded.
    public var when: [Slot]
    /// The helper comes to the requester's home.
    public var atHome: Bool
    /// Only helpers with an enhanced DBS check.
    public var requiresDBS: Bool
    /// Where help is wanted; defaults to the requester's location.
    public var location: Location?

    public init(
        requester: String? = nil, skill: String, when: [Slot] = [], atHome: Bool = false, requiresDBS: Bool = false,
        location: Location? = nil
    ) {
        self.requester = requester
        self.skill = skill
        self.when = when
        self.atHome = atHome
        self.requiresDBS = requiresDBS
        self.location = location
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case requester, skill, when, atHome, requiresDBS, location }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        requester = try c.decodeIfPresent(String.self, forKey: .requester)
        skill = try c.decode(String.self, forKey: .skill)
        guard !skill.trimmingSpaces.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .skill, in: c, debugDescription: "must not be empty")
        }
        when = try c.decode([Slot].self, forKey: .when, default: [])
        atHome = try c.decode(Bool.self, forKey: .atHome, default: false)
        requiresDBS = try c.decode(Bool.self, forKey: .requiresDBS, default: false)
        location = try c.decodeIfPresent(Location.self, forKey: .location)
        if requester == nil && location == nil {
            throw DecodingError.keyNotFound(
                CodingKeys.location,
                .init(codingPath: c.codingPath, debugDescription: "location is required when there is no requester"))
        }
        try c.enforce(boundErrors())
    }
}
