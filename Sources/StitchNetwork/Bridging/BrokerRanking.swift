import StitchModel

/// Who links communities: each member's reach over communities, Burt's structural holes and
/// betweenness, and the brokers ranked with a reason.
///
/// Per member with ties:
///
/// - **communities reached**: the distinct communities of the people they are tied to (their own
///   counts when they are tied inside it), and how many of their ties go to another community;
/// - **participation coefficient** (Guimerà & Amaral 2005): `P_i = 1 − Σ_c (k_ic / k_i)²` over
///   their tie weight `k_i`, of which `k_ic` goes to community `c`; 0 when it all stays inside one;
/// - **constraint** and **effective size** (Burt 1992; ``StructuralHoles``);
/// - **betweenness** (Freeman 1977, by Brandes 2001; ``Betweenness``).
///
/// A **broker** has at least ``Options/minimumTies`` ties reaching at least two communities.
/// Brokers are ranked by betweenness, then lower constraint, then more ties across, then id; the
/// answer lists the best ``Options/limit``. Each gets a reason: "links 3 groups; 4 of their 6 ties
/// reach other groups; lowest constraint in the community; on 52% of the shortest paths between
/// other members" ("group" being a community, the word a connector uses).
///
/// ```swift
/// let brokers = BrokerRanking(graph: graph, communities: found)
/// brokers.ranked.first?.reason
/// brokers.betweenness.values[7]
/// ```
public struct BrokerRanking: Sendable {
    /// Which members are ranked, and how betweenness is computed.
    public struct Options: Sendable, Hashable {
        /// Members with fewer distinct ties are not ranked.
        public var minimumTies: Int
        /// The most brokers listed.
        public var limit: Int
        /// Exact or sampled betweenness.
        public var betweenness: Betweenness.Options

        /// Options with the defaults: at least 2 ties, the best 100.
        public init(minimumTies: Int = 2, limit: Int = 100, betweenness: Betweenness.Options = .init()) {
            self.minimumTies = minimumTies
            self.limit = limit
            self.betweenness = betweenness
        }
    }

    /// The participation coefficient of every node (0 for isolated members).
    public let participation: [Double]
    /// The number of communities each member's ties reach (0 for isolated members).
    public let communitiesReached: [Int]
    /// The number of each member's ties that go to another community.
    public let tiesAcross: [Int]
    /// Constraint and effective size of every member.
    public let structuralHoles: StructuralHoles
    /// Betweenness of every member.
    public let betweenness: Betweenness
    /// The brokers, best first, at most ``Options/limit``.
    public let ranked: [Broker]

    /// Computes every member's figures and ranks the brokers.
    public init(graph: CommunityGraph, communities: Communities, options: Options = Options()) {
        let n = graph.nodeCount
        var participation = [Double](repeating: 0, count: n)
        var reached = [Int](repeating: 0, count: n)
        var across = [Int](repeating: 0, count: n)
        var shares: [(community: Int, weight: Double)] = []
        for i in 0..<n where graph.tieCount(of: i) > 0 {
            // Sum per community in a fixed order, so the same graph always gives the same bits.
            shares.removeAll(keepingCapacity: true)
            let own = communities.label(of: i) ?? -1
            for (u, w) in zip(graph.neighbours(of: i), graph.tieWeights(of: i)) {
                let c = communities.label(of: Int(u)) ?? -1
                shares.append((c, w))
                if c != own { across[i] += 1 }
            }
            shares.sort { $0.community < $1.community }
            let k = graph.strength(of: i)
            var sum = 0.0
            var current = shares[0].community
            var running = 0.0
            var distinct = 1
            for s in shares {
                if s.community != current {
                    sum += (running / k) * (running / k)
                    current = s.community
                    running = 0
                    distinct += 1
                }
                running += s.weight
            }
            sum += (running / k) * (running / k)
            participation[i] = max(0, 1 - sum)
            reached[i] = distinct + (across[i] == graph.tieCount(of: i) ? 1 : 0)
        }
        let holes = StructuralHoles(graph: graph)
        let betweenness = Betweenness(graph: graph, options: options.betweenness)
        self.participation = participation
        self.communitiesReached = reached
        self.tiesAcross = across
        self.structuralHoles = holes
        self.betweenness = betweenness
        self.ranked = Self.rank(
            graph: graph, communities: communities, options: options, participation: participation,
            reached: reached, across: across, holes: holes, betweenness: betweenness)
    }

    static func rank(
        graph: CommunityGraph, communities: Communities, options: Options, participation: [Double], reached: [Int],
        across: [Int], holes: StructuralHoles, betweenness: Betweenness
    ) -> [Broker] {
        let ids = graph.memberIDs
        var lowest = [Double](repeating: .infinity, count: communities.members.count)
        for (c, group) in communities.members.enumerated() {
            for v in group { if let value = holes.constraint[v] { lowest[c] = min(lowest[c], value) } }
        }
        let b = betweenness.values
        let constraint = { (v: Int) in holes.constraint[v] ?? .infinity }
        let candidates = (0..<graph.nodeCount).filter {
            graph.tieCount(of: $0) >= max(1, options.minimumTies) && reached[$0] >= 2
                && communities.label(of: $0) != nil
        }
        let order = candidates.sorted { p, q in
            if b[p] != b[q] { return b[p] > b[q] }
            if constraint(p) != constraint(q) { return constraint(p) < constraint(q) }
            if across[p] != across[q] { return across[p] > across[q] }
            return ids[p] < ids[q]
        }
        return order.prefix(max(0, options.limit)).map { v in
            let c = communities.label(of: v) ?? -1
            var clauses = [
                "links \(reached[v]) groups",
                "\(across[v]) of their \(Wording.count(graph.tieCount(of: v), "tie")) reach"
                    + (across[v] == 1 ? "es" : "") + " other groups",
            ]
            if constraint(v) <= lowest[c] { clauses.append("lowest constraint in the community") }
            clauses.append(Self.pathShare(b[v], exact: betweenness.isExact))
            return Broker(
                id: ids[v], score: b[v], community: c, ties: graph.tieCount(of: v), tiesAcross: across[v],
                communitiesReached: reached[v], betweenness: b[v], constraint: constraint(v),
                effectiveSize: holes.effectiveSize[v] ?? 0, participation: participation[v],
                reason: clauses.joined(separator: "; "))
        }
    }

    /// "on 52% of the shortest paths between other members" (exact) or "on about 3% …" (sampled).
    static func pathShare(_ value: Double, exact: Bool) -> String {
        let percent = Int((100 * value).rounded())
        let amount =
            percent < 1 ? (value > 0 ? "under 1%" : "none") : (exact ? "" : "about ") + "\(percent)%"
        return "on \(amount) of the shortest paths between other members"
    }
}
