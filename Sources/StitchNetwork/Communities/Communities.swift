/// Groups of members more tied to each other than to the rest: the ``Leiden`` partition of the
/// tie graph that maximises modularity at a resolution.
///
/// 1. Members with no ties are ``isolated`` and belong to no community (a community of one says
///    nothing; their first tie matters most, see ``BridgingModel``).
/// 2. Everyone else is in exactly one community: the best of the Leiden runs
///    (``Leiden/Options/restarts``, all seeded). Each community is connected; a small circle
///    that meets nobody else is usually one community as it stands.
///
/// Communities are numbered by size, largest first (ties by their first member id), and members
/// listed in id order, so the same graph always gives the same answer.
///
/// ```swift
/// let found = Communities(graph: graph)                       // γ = 1
/// found.members[0]        // node indices of the largest community
/// found.label(of: 42)     // the community of node 42, or nil when isolated
/// found.modularity        // of the partition, at found.resolution
/// let finer = Communities(graph: graph, options: .init(resolution: 2))
/// ```
public struct Communities: Sendable {
    /// Node indices of each community, largest community first, members in id order.
    public let members: [[Int]]
    /// Members with no ties, in id order.
    public let isolated: [Int]
    /// The modularity of the partition (isolated members each alone), at ``resolution``.
    public let modularity: Double
    /// The resolution `γ` it was found at.
    public let resolution: Double
    /// The community of each node (`-1` when isolated).
    let labels: [Int32]

    /// The community of node `i`, or `nil` when the member is isolated.
    public func label(of i: Int) -> Int? { self.labels[i] < 0 ? nil : Int(self.labels[i]) }

    /// The options a graph of this many ties runs with: one run above ``Leiden/Options/restartTieLimit``.
    static func effective(_ options: Leiden.Options, for graph: CommunityGraph) -> Leiden.Options {
        var options = options
        if graph.tieCount > options.restartTieLimit { options.restarts = 1 }
        return options
    }

    /// Finds the communities of `graph` by the Leiden algorithm.
    public init(graph: CommunityGraph, options: Leiden.Options = Leiden.Options()) {
        let partition = Leiden(options: Self.effective(options, for: graph)).partition(graph)
        self.init(
            graph: graph, membership: partition.membership, modularity: partition.modularity,
            resolution: options.resolution)
    }

    /// Communities from a given partition of `graph` (one number per node; members without ties
    /// are isolated whatever their number).
    public init(graph: CommunityGraph, membership: [Int32], modularity: Double, resolution: Double) {
        precondition(membership.count == graph.nodeCount, "one community per node")
        let count = Int(membership.max() ?? -1) + 1
        var groups = [[Int]](repeating: [], count: count)
        var isolated: [Int] = []
        for v in 0..<graph.nodeCount {
            if graph.tieCount(of: v) == 0 { isolated.append(v) } else { groups[Int(membership[v])].append(v) }
        }
        let ids = graph.memberIDs
        groups = groups.filter { !$0.isEmpty }.map { $0.sorted { ids[$0] < ids[$1] } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : ids[$0[0]] < ids[$1[0]] }
        var labels = [Int32](repeating: -1, count: graph.nodeCount)
        for (c, group) in groups.enumerated() { for v in group { labels[v] = Int32(c) } }
        self.members = groups
        self.isolated = isolated.sorted { ids[$0] < ids[$1] }
        self.modularity = modularity
        self.resolution = resolution
        self.labels = labels
    }
}
