/// Who links communities: each member's participation coefficient, and the members ranked by it.
///
/// The participation coefficient (Guimerà & Amaral, 2005) of member `i` with weighted degree
/// `k_i`, of which `k_ic` goes to community `c`, is
///
///     P_i = 1 − Σ_c (k_ic / k_i)²
///
/// 0 when every tie stays inside one community, approaching 1 when ties are spread evenly over
/// many. A member with only a couple of ties can reach a high `P` by chance, so ranking requires
/// at least ``Options/minimumTies`` distinct ties. Ties to isolated members cannot exist, and
/// ties inside a small component count as one community.
///
/// ```swift
/// let brokers = BrokerRanking(graph: graph, communities: found)
/// brokers.participation[7]   // P of node 7
/// brokers.ranked.first       // Broker(id: "m-june", score: 0.71)
/// ```
public struct BrokerRanking: Sendable {
    /// Which members are ranked.
    public struct Options: Sendable, Hashable {
        /// Members with fewer distinct ties are not ranked.
        public var minimumTies: Int
        /// The most brokers listed.
        public var limit: Int

        /// Options with the defaults: at least 3 ties, the best 100.
        public init(minimumTies: Int = 3, limit: Int = 100) {
            self.minimumTies = minimumTies
            self.limit = limit
        }
    }

    /// The participation coefficient of every node (0 for isolated members).
    public let participation: [Double]
    /// Members with at least `minimumTies` ties and `P > 0`, highest `P` first (then the higher
    /// weighted degree, then id), at most `limit`.
    public let ranked: [Broker]

    /// Computes every member's participation coefficient and ranks the brokers.
    public init(graph: CommunityGraph, communities: Communities, options: Options = Options()) {
        var participation = [Double](repeating: 0, count: graph.nodeCount)
        var shares: [(community: Int, weight: Double)] = []
        for i in 0..<graph.nodeCount where graph.strength(of: i) > 0 {
            // Sum per community in a fixed order, so the same graph always gives the same bits.
            shares.removeAll(keepingCapacity: true)
            for (u, w) in zip(graph.neighbours(of: i), graph.tieWeights(of: i)) {
                shares.append((communities.label(of: Int(u)) ?? -1, w))
            }
            shares.sort { $0.community < $1.community }
            let k = graph.strength(of: i)
            var sum = 0.0
            var current = shares[0].community
            var running = 0.0
            for s in shares {
                if s.community != current {
                    sum += (running / k) * (running / k)
                    current = s.community
                    running = 0
                }
                running += s.weight
            }
            sum += (running / k) * (running / k)
            participation[i] = max(0, 1 - sum)
        }
        let ids = graph.memberIDs
        let candidates = (0..<graph.nodeCount).filter {
            graph.tieCount(of: $0) >= options.minimumTies && participation[$0] > 1e-12
        }
        let order = candidates.sorted { a, b in
            if participation[a] != participation[b] { return participation[a] > participation[b] }
            if graph.strength(of: a) != graph.strength(of: b) { return graph.strength(of: a) > graph.strength(of: b) }
            return ids[a] < ids[b]
        }
        self.participation = participation
        self.ranked = order.prefix(max(0, options.limit)).map { Broker(id: ids[$0], score: participation[$0]) }
    }
}
