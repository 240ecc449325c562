import StitchModel

/// One community in a ``NetworkAnalysis``: its members and a description for a person.
public struct CommunitySummary: Sendable, Hashable, Codable {
    /// The community's number: 0 is the largest.
    public var id: Int
    /// Member ids, in id order.
    public var members: [String]
    /// The number of members.
    public var size: Int
    /// One sentence: size, area, main groups and skills.
    public var description: String
    /// The main groups, most common first.
    public var groups: [String]
    /// The main skills and interests, most common first.
    public var skills: [String]
    /// "around Catford", or coordinates; absent when no member gave a location.
    public var area: String?
    /// The members' mean location; absent when no member gave one.
    public var centre: Location?
    /// Up to three members a new tie to the other communities would bridge most (what the
    /// engine's bridging factor favours), best first.
    public var couldBridge: [String]

    /// A summary from a community's members and profile.
    public init(id: Int, members: [String], profile: CommunityProfile, couldBridge: [String] = []) {
        self.id = id
        self.members = members
        self.size = members.count
        self.description = profile.description
        self.groups = profile.groups
        self.skills = profile.skills
        self.area = profile.area
        self.centre = profile.centre
        self.couldBridge = couldBridge
    }
}
