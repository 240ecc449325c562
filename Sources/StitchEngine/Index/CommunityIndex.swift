import StitchModel

/// A community compiled for scoring: dense indices, compact features and candidate indexes.
///
/// Built once from a validated ``Community``; queries read it without allocating per candidate.
/// Candidate indexes: skill → members who offer it, experience → members who have it,
/// skill → members who need it, skill → members interested, topic → activities, member →
/// activities attended (and back), and geographic grids of members and activities.
struct CommunityIndex: Sendable {
    let configuration: EngineConfiguration
    let today: CalendarDate
    let skills: SkillGraph
    var vocabulary: SkillVocabulary { skills.vocabulary }
    let groupIDs: [String]
    let groupIndex: [String: Int32]
    let members: MemberTable
    let memberIndex: [String: Int32]
    /// Position of each member's id in id order, for tie-breaking without string compares.
    let memberIDRank: [Int32]
    let activities: ActivityTable
    let activityIndex: [String: Int32]
    let activityIDRank: [Int32]
    /// Safeguarding exclusions, symmetric: row m lists everyone m must never be matched with.
    let avoid: CompressedRows<Int32>
    let ledger: TimeLedger
    let graph: SocialGraph
    /// The spectral bridging model (replaced whole by ``Engine/rebuildingBridging(from:)``).
    var bridging: SpectralBridging
    let offerPostings: CompressedRows<Int32>
    let needPostings: CompressedRows<Int32>
    let interestPostings: CompressedRows<Int32>
    let experiencePostings: CompressedRows<Int32>
    let topicPostings: CompressedRows<Int32>
    /// Activities attended by each member (ascending), and attendees of each activity.
    let attends: CompressedRows<Int32>
    let attendees: CompressedRows<Int32>
    let memberGrid: GeoGrid
    let activityGrid: GeoGrid
    /// Online activities and activities without a location, which no grid holds.
    let unplacedActivities: [Int32]
    /// Activities tagged Give.
    let giveActivities: [Int32]
}
