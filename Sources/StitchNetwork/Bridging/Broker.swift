/// A member whose ties link communities, with the figures behind it and a reason in plain words.
///
/// The protocol's `bridging` list (`network.analyse`) is made of these, best broker first:
///
/// ```json
/// {"id": "m-june", "score": 0.52, "community": 1, "ties": 6, "tiesAcross": 4, "communitiesReached": 3,
///  "betweenness": 0.52, "constraint": 0.21, "effectiveSize": 4.33, "participation": 0.61,
///  "reason": "links 3 groups; 4 of their 6 ties reach other groups; lowest constraint in the community; on 52% of the shortest paths between other members"}
/// ```
public struct Broker: Sendable, Hashable, Codable {
    /// The member's id.
    public var id: String
    /// The ranking's key: the member's betweenness.
    public var score: Double
    /// The member's own community (``CommunitySummary/id``).
    public var community: Int
    /// The number of people they are tied to.
    public var ties: Int
    /// How many of those are in another community.
    public var tiesAcross: Int
    /// The communities their ties reach, their own included when tied inside it.
    public var communitiesReached: Int
    /// The share of shortest paths between two other members through them, in [0, 1] (``Betweenness``).
    public var betweenness: Double
    /// Burt's constraint: low when their contacts do not know each other (``StructuralHoles``).
    public var constraint: Double
    /// Burt's effective size: the number of their contacts, less the redundancy among them.
    public var effectiveSize: Double
    /// The participation coefficient (Guimerà & Amaral 2005) of their tie weight over communities, in [0, 1).
    public var participation: Double
    /// Why they are listed, for a connector.
    public var reason: String

    /// A broker from its figures.
    public init(
        id: String, score: Double, community: Int, ties: Int, tiesAcross: Int, communitiesReached: Int,
        betweenness: Double, constraint: Double, effectiveSize: Double, participation: Double, reason: String
    ) {
        self.id = id
        self.score = score
        self.community = community
        self.ties = ties
        self.tiesAcross = tiesAcross
        self.communitiesReached = communitiesReached
        self.betweenness = betweenness
        self.constraint = constraint
        self.effectiveSize = effectiveSize
        self.participation = participation
        self.reason = reason
    }
}
