import StitchModel
import StitchNumerics

/// The whole network model of a community: graph, communities, brokers, isolation and bridging
/// values, computed once and queried many times.
///
/// This is what `network.analyse` and `stitch network` run, and what the engine's bridging factor
/// can ask for a pair (``bridging(_:_:)-(String,String)``). Building it for 100,000 members and a
/// million ties takes a few seconds (see `docs/network.md`); it holds no reference to I/O.
///
/// ```swift
/// let network = try CommunityNetwork(community: community)
/// let answer = network.analysis()               // the protocol's result
/// network.bridging("m-vera", "m-jade")          // value of a new tie, in [0, 1]
/// network.communities.label(of: 3)              // the community of member 3
/// ```
public struct CommunityNetwork: Sendable {
    /// The options it was built with.
    public let options: NetworkOptions
    /// Members and ties.
    public let graph: CommunityGraph
    /// The smallest Laplacian eigenpairs (for the bridging value).
    public let embedding: SpectralEmbedding
    /// Communities (Leiden) and isolated members.
    public let communities: Communities
    /// One profile per community, in the order of ``Communities/members``.
    public let profiles: [CommunityProfile]
    /// Bridging values of new ties.
    public let bridgingModel: BridgingModel
    /// Reach, structural holes, betweenness and the ranked brokers.
    public let brokers: BrokerRanking
    /// Members without recent ties, and members tied to one group only.
    public let isolation: Isolation
    /// Per community, the members a new tie to the others would bridge most (node indices).
    public let bridgeCandidates: [[Int]]
    /// The share of recently active members who both gave and received.
    public let reciprocityIndex: Double

    /// Builds the model of a community (its ties from exchanges and co-attendance).
    ///
    /// - Throws: an error of the eigensolvers (`LAPACKError`), which sound input does not cause.
    public init(community: Community, options: NetworkOptions = NetworkOptions()) throws(LAPACKError) {
        let graph = CommunityGraph(
            community: community, referenceDate: options.referenceDate, coAttendanceLimit: options.coAttendanceLimit)
        try self.init(
            graph: graph, members: community.members,
            reciprocityIndex: ReciprocityIndex.value(of: community, referenceDate: graph.referenceDate),
            options: options)
    }

    /// Builds the model of a graph; `members` (one per node, for descriptions) may be empty. Ties
    /// count as recent unless the graph knows their dates (``CommunityGraph/latestTieDays``).
    public init(
        graph: CommunityGraph, members: [Member] = [], reciprocityIndex: Double = 0,
        options: NetworkOptions = NetworkOptions()
    ) throws(LAPACKError) {
        let count = min(graph.nodeCount, options.bridging.eigenpairs)
        let embedding = try SpectralEmbedding(graph: graph, count: count, options: options.spectral)
        let communities = Communities(graph: graph, options: options.communities)
        let bridgingModel = BridgingModel(graph: graph, embedding: embedding, options: options.bridging)
        let brokers = BrokerRanking(graph: graph, communities: communities, options: options.brokers)
        self.options = options
        self.graph = graph
        self.embedding = embedding
        self.communities = communities
        self.profiles = communities.members.map { group in
            CommunityProfile(
                members: group.map { members.count == graph.nodeCount ? members[$0] : Member(id: graph.memberIDs[$0]) })
        }
        self.bridgingModel = bridgingModel
        self.brokers = brokers
        self.isolation = Isolation(
            graph: graph, communities: communities, tiesAcross: brokers.tiesAcross, months: options.isolationMonths)
        self.bridgeCandidates = BridgeCandidates.rank(
            graph: graph, communities: communities, model: bridgingModel, count: 3)
        self.reciprocityIndex = reciprocityIndex
    }

    /// Per community, whether it is a small circle apart from everyone else: fewer than
    /// ``BridgingModel/Options/minimumComponentSize`` (20) members, none tied outside it.
    public var smallCircles: [Bool] {
        let small = self.options.bridging.minimumComponentSize
        return self.communities.members.map { group in
            group.count < small && !group.contains { self.brokers.tiesAcross[$0] > 0 }
        }
    }

    /// The bridging value of a new tie between nodes `a` and `b` (see ``BridgingModel``).
    public func bridging(_ a: Int, _ b: Int) -> Double { self.bridgingModel.bridging(a, b) }

    /// The bridging value of a new tie between two members, or `nil` when either is unknown.
    public func bridging(_ a: String, _ b: String) -> Double? { self.bridgingModel.bridging(a, b) }

    /// The protocol's answer.
    public func analysis() -> NetworkAnalysis {
        let ids = self.graph.memberIDs
        let summaries = self.communities.members.enumerated().map { c, group in
            CommunitySummary(
                id: c, members: group.map { ids[$0] }, profile: self.profiles[c],
                couldBridge: self.bridgeCandidates[c].map { ids[$0] })
        }
        return NetworkAnalysis(
            communities: summaries, modularity: self.communities.modularity,
            resolution: self.communities.resolution, bridging: self.brokers.ranked,
            betweenness: .init(self.brokers.betweenness), isolated: self.communities.isolated.map { ids[$0] },
            isolation: self.isolation, reciprocityIndex: self.reciprocityIndex)
    }
}
