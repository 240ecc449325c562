/// The answer of `network.analyse`: communities, brokers, isolated members and the reciprocity
/// index, in the protocol's shape.
///
/// ```json
/// {"communities": [{"id": 0, "members": ["m-ada", …], "size": 48, "description": "48 members around Catford, …",
///                   "groups": ["gp-rushey-green"], "skills": ["gardening"], "area": "around Catford",
///                   "centre": {"lat": 51.445, "lon": -0.02}, "couldBridge": ["m-ada", "m-bee", "m-cy"]}],
///  "modularity": 0.61, "resolution": 1,
///  "bridging": [{"id": "m-june", "score": 0.18, "betweenness": 0.18, "constraint": 0.21, …,
///                "reason": "links 3 groups; 4 of their 6 ties reach other groups; …"}],
///  "betweenness": {"exact": true, "pivots": 319, "errorBound": 0},
///  "isolated": ["m-ruth"],
///  "isolation": {"months": 6, "noRecentTies": ["m-ruth", …], "oneGroupOnly": ["m-ada", …]},
///  "reciprocityIndex": 0.42}
/// ```
public struct NetworkAnalysis: Sendable, Hashable, Codable {
    /// How betweenness was computed: exactly, or from sampled sources with an error bound.
    public struct BetweennessSampling: Sendable, Hashable, Codable {
        /// Whether every member was a source.
        public var exact: Bool
        /// The sources searched.
        public var pivots: Int
        /// 0 when exact; else the bound on a member's error at 95% (``Betweenness/errorBound``).
        public var errorBound: Double

        /// The sampling of a computed ``Betweenness``.
        public init(_ betweenness: Betweenness) {
            self.exact = betweenness.isExact
            self.pivots = betweenness.pivots
            self.errorBound = betweenness.errorBound
        }
    }

    /// Communities, largest first.
    public var communities: [CommunitySummary]
    /// The modularity of the communities (Leiden), at ``resolution``.
    public var modularity: Double
    /// The resolution `γ` the communities were found at.
    public var resolution: Double
    /// Brokers (members whose ties link communities), best first, with their figures and a reason.
    public var bridging: [Broker]
    /// How the brokers' betweenness was computed.
    public var betweenness: BetweennessSampling
    /// Members with no ties, in id order.
    public var isolated: [String]
    /// Members without recent ties, and members tied to one group only.
    public var isolation: Isolation
    /// The share of recently active members who both gave and received.
    public var reciprocityIndex: Double
    /// The pictures asked for with the analysis (`network.analyse`'s `pictures`), as Graphviz DOT.
    public var pictures: NetworkPictures?

    /// An analysis from its parts.
    public init(
        communities: [CommunitySummary], modularity: Double, resolution: Double, bridging: [Broker],
        betweenness: BetweennessSampling, isolated: [String], isolation: Isolation, reciprocityIndex: Double
    ) {
        self.communities = communities
        self.modularity = modularity
        self.resolution = resolution
        self.bridging = bridging
        self.betweenness = betweenness
        self.isolated = isolated
        self.isolation = isolation
        self.reciprocityIndex = reciprocityIndex
    }
}
