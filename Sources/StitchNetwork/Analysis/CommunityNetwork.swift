import StitchModel
import StitchNumerics

/// The whole network model of a community: graph, spectral embedding, communities, brokers and
/// bridging values, computed once and queried many times.
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
    /// The smallest Laplacian eigenpairs.
    public let embedding: SpectralEmbedding
    /// Communities and isolated members.
    public let communities: Communities
    /// One profile per community, in the order of ``Communities/members``.
    public let profiles: [CommunityProfile]
    /// Bridging values of new ties.
    public let bridgingModel: BridgingModel
    /// Participation coefficients and the ranked brokers.
    public let brokers: BrokerRanking
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

    /// Builds the model of a graph; `members` (one per node, for descriptions) may be empty.
    public init(
        graph: CommunityGraph, members: [Member] = [], reciprocityIndex: Double = 0,
        options: NetworkOptions = NetworkOptions()
    ) throws(LAPACKError) {
        let count = min(graph.nodeCount, options.communities.eigenpairsNeeded)
        let embedding = try SpectralEmbedding(graph: graph, count: count, options: options.spectral)
        let communities = Communities(graph: graph, embedding: embedding, options: options.communities)
        self.options = options
        self.graph = graph
        self.embedding = embedding
        self.communities = communities
        self.profiles = communities.members.map { group in
            CommunityProfile(
                members: group.map { members.count == graph.nodeCount ? members[$0] : Member(id: graph.memberIDs[$0]) })
        }
        self.bridgingModel = BridgingModel(
            graph: graph, embedding: embedding, communities: communities, options: options.bridging)
        self.brokers = BrokerRanking(graph: graph, communities: communities, options: options.brokers)
        self.reciprocityIndex = reciprocityIndex
    }

    /// The bridging value of a new tie between nodes `a` and `b` (see ``BridgingModel``).
    public func bridging(_ a: Int, _ b: Int) -> Double { self.bridgingModel.bridging(a, b) }

    /// The bridging value of a new tie between two members, or `nil` when either is unknown.
    public func bridging(_ a: String, _ b: String) -> Double? { self.bridgingModel.bridging(a, b) }

    /// The protocol's answer.
    public func analysis() -> NetworkAnalysis {
        let ids = self.graph.memberIDs
        let summaries = self.communities.members.enumerated().map { c, group in
            CommunitySummary(id: c, members: group.map { ids[$0] }, profile: self.profiles[c])
        }
        return NetworkAnalysis(
            communities: summaries, bridging: self.brokers.ranked, isolated: self.communities.isolated.map { ids[$0] },
            reciprocityIndex: self.reciprocityIndex,
            eigenvalues: self.communities.eigenvalues.map { abs($0) < 1e-12 ? 0 : $0 }, k: self.communities.k)
    }
}
