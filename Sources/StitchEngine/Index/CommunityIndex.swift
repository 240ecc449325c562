import StitchModel

/// A community compiled for scoring: dense indices, compact features and candidate indexes.
///
/// Built from a validated ``Community``; queries read it without allocating per candidate. The
/// daemon's writes edit it in place (`CommunityIndex+Updates.swift`): a removed member or
/// activity leaves a vacant slot that no index lists, until the next full build compacts them.
/// Candidate indexes: skill → members who offer it, experience → members who have it,
/// skill → members who need it, skill → members interested, topic → activities, member →
/// activities attended (and back), and geographic grids of members and activities.
struct CommunityIndex: Sendable {
    var configuration: EngineConfiguration
    var today: CalendarDate
    var skills: SkillGraph
    var vocabulary: SkillVocabulary { skills.vocabulary }
    var groupIDs: [String]
    var groupIndex: [String: Int32]
    var members: MemberTable
    var memberIndex: [String: Int32]
    /// Position of each member's id in id order, for tie-breaking without string compares.
    var memberIDRank: [Int32]
    var activities: ActivityTable
    var activityIndex: [String: Int32]
    var activityIDRank: [Int32]
    /// Ids in ascending order, behind the ranks above (vacant slots are not listed).
    var sortedMemberIDs: [String]
    var sortedActivityIDs: [String]
    /// Each member's own `avoid` list (the symmetric rows below are built from these).
    var ownAvoid: CompressedRows<Int32>
    /// Safeguarding exclusions, symmetric: row m lists everyone m must never be matched with.
    var avoid: CompressedRows<Int32>
    var ledger: TimeLedger
    /// The ledger's accounts that are not members', by id (docs/ledger.md).
    var ledgerAccounts: [String: LedgerAccount] = [:]
    var graph: SocialGraph
    /// The spectral bridging model (replaced whole by ``Engine/rebuildingBridging(from:)``).
    var bridging: SpectralBridging
    var offerPostings: CompressedRows<Int32>
    var needPostings: CompressedRows<Int32>
    var interestPostings: CompressedRows<Int32>
    var experiencePostings: CompressedRows<Int32>
    var topicPostings: CompressedRows<Int32>
    /// Activities attended by each member (ascending), and attendees of each activity.
    var attends: CompressedRows<Int32>
    var attendees: CompressedRows<Int32>
    var memberGrid: GeoGrid
    var activityGrid: GeoGrid
    /// Online activities and activities without a location, which no grid holds.
    var unplacedActivities: [Int32]
    /// Activities tagged Give.
    var giveActivities: [Int32]
    /// The broker's dismissals in force, by subject id then candidate id
    /// (``Engine/judgingDismissals(_:on:)``); empty unless a query's engine was given them.
    var dismissed: [String: [String: Dismissal]] = [:]
    /// Each member's ask load in hours and the reciprocity of asking them with it
    /// (``Engine/weighingAsks(_:exchanges:on:)``); empty unless a query's engine was given asks.
    var askLoad: [Double] = []
    var askedReciprocity: [Double] = []
    /// The ongoing pairings in force, by the person helped (``Engine/judgingPairings(_:on:)``).
    var pairings: [String: [Pairing]] = [:]
}
