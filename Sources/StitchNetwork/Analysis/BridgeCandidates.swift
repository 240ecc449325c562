/// The members of each community a new tie to the other communities would bridge most, by the
/// engine's bridging factor (``BridgingModel``).
///
/// For member `v` of community `C` in component `K`, the mean approximate effective resistance to
/// the members of the other communities of `K`:
///
///     mean_u ‖x_v − x_u‖² = ‖x_v‖² − 2 x_v · μ + mean_u ‖x_u‖²
///
/// over `u ∈ K ∖ C`, with `μ` their mean resistance coordinates: O(dimension) per member from
/// per-component and per-community sums. Ties to other components all bridge alike (0.95), so
/// they do not change the order. Highest first, then the higher weighted degree (a tie from a
/// well-tied member reaches more of its community), then id; members without a community are
/// left out.
enum BridgeCandidates {
    /// Up to `count` node indices per community, in the order of ``Communities/members``.
    static func rank(
        graph: CommunityGraph, communities: Communities, model: BridgingModel, count: Int
    ) -> [[Int]] {
        let d = model.dimension
        let x = model.coordinates
        let parts = model.components
        let groups = communities.members.count
        var componentSum = [Double](repeating: 0, count: parts.count * d)
        var componentSquares = [Double](repeating: 0, count: parts.count)
        var componentSize = [Int](repeating: 0, count: parts.count)
        var groupSum = [Double](repeating: 0, count: groups * d)
        var groupSquares = [Double](repeating: 0, count: groups)
        var square = [Double](repeating: 0, count: graph.nodeCount)
        for (c, group) in communities.members.enumerated() {
            for v in group {
                let k = Int(parts.label[v])
                var s = 0.0
                for t in 0..<d {
                    let value = x[v * d + t]
                    s += value * value
                    componentSum[k * d + t] += value
                    groupSum[c * d + t] += value
                }
                square[v] = s
                componentSquares[k] += s
                groupSquares[c] += s
                componentSize[k] += 1
            }
        }
        return communities.members.enumerated().map { c, group in
            guard let first = group.first else { return [] }
            let k = Int(parts.label[first])
            let others = componentSize[k] - group.count
            let ids = graph.memberIDs
            var score = [Double](repeating: 0, count: group.count)
            if others > 0 && d > 0 {
                let meanSquare = (componentSquares[k] - groupSquares[c]) / Double(others)
                for (i, v) in group.enumerated() {
                    var dot = 0.0
                    for t in 0..<d { dot += x[v * d + t] * (componentSum[k * d + t] - groupSum[c * d + t]) }
                    score[i] = square[v] - 2 * dot / Double(others) + meanSquare
                }
            }
            let order = group.indices.sorted { a, b in
                if score[a] != score[b] { return score[a] > score[b] }
                let (sa, sb) = (graph.strength(of: group[a]), graph.strength(of: group[b]))
                if sa != sb { return sa > sb }
                return ids[group[a]] < ids[group[b]]
            }
            return order.prefix(count).map { group[$0] }
        }
    }
}
