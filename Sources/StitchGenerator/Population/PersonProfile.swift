import StitchModel

/// What the later phases of generation (exchanges, attendance) need to know of a member,
/// kept compact so that a million members fit comfortably in memory.
struct PersonProfile: Sendable {
    /// Index in ``Neighbourhood/lewisham``.
    var neighbourhood: Int
    var age: Int
    var housebound: Bool
    var inPrison: Bool
    var active: Bool
    /// Bit `i` set when the member belongs to group `i` of ``CommunityGroup/lewisham``.
    var groupMask: UInt32
    /// Mask of access needs (``StitchModel/AccessTerm/bit``).
    var accessMask: UInt32
    /// Relative rate of giving help: heavy-tailed, a few members give most.
    var giving: Double
    /// Relative rate of receiving help: grows with needs, age and being housebound.
    var receiving: Double
    var lat: Double
    var lon: Double
    var travelKm: Double
    /// The member avoids (and is avoided by) this member index, or -1.
    var avoids: Int = -1
}

/// One generated member with the skills as palette indices.
struct MemberDraft: Sendable {
    var member: Member
    var profile: PersonProfile
    var offers: [Int]
    var needs: [Int]
    var interests: [Int]
}
