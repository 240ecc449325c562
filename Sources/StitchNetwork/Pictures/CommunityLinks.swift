/// The ties between groups of communities, counted and weighed per pair, with the brokers who
/// make each link.
///
/// Each community is put in a bucket (itself, or a shared "others" bucket); a tie between members
/// of two different buckets counts once for that pair. A broker (from ``BrokerRanking/ranked``,
/// best first) is named on every link one of their own ties makes, up to `brokersPerLink`.
struct CommunityLinks {
    /// The ties between two buckets.
    struct Link {
        /// The two buckets, `a < b`.
        var a: Int
        var b: Int
        /// How many ties join them.
        var ties: Int
        /// Their summed weight.
        var weight: Double
        /// Node indices of the brokers making the link, best first.
        var brokers: [Int] = []
    }

    /// Every link, most ties first (then by bucket).
    let links: [Link]

    /// Links between the buckets of `bucket` (one per community; `nil` leaves it out).
    init(network: CommunityNetwork, bucket: [Int?], brokersPerLink: Int) {
        let graph = network.graph
        let communities = network.communities
        let nodeBucket = (0..<graph.nodeCount).map { v in communities.label(of: v).flatMap { bucket[$0] } }
        var index: [Int: Int] = [:]
        var links: [Link] = []
        let stride = bucket.count + 1
        for a in 0..<graph.nodeCount {
            guard let ba = nodeBucket[a] else { continue }
            for (u, w) in zip(graph.neighbours(of: a), graph.tieWeights(of: a)) where Int(u) > a {
                guard let bb = nodeBucket[Int(u)], bb != ba else { continue }
                let key = min(ba, bb) * stride + max(ba, bb)
                if let i = index[key] {
                    links[i].ties += 1
                    links[i].weight += w
                } else {
                    index[key] = links.count
                    links.append(Link(a: min(ba, bb), b: max(ba, bb), ties: 1, weight: w))
                }
            }
        }
        for broker in network.brokers.ranked where brokersPerLink > 0 {
            guard let v = graph.index(of: broker.id), let own = nodeBucket[v] else { continue }
            var seen: Set<Int> = []
            for u in graph.neighbours(of: v) {
                guard let other = nodeBucket[Int(u)], other != own, seen.insert(other).inserted else { continue }
                let key = min(own, other) * stride + max(own, other)
                if let i = index[key], links[i].brokers.count < brokersPerLink { links[i].brokers.append(v) }
            }
        }
        self.links = links.sorted { p, q in
            p.ties != q.ties ? p.ties > q.ties : (p.a, p.b) < (q.a, q.b)
        }
    }
}
