import StitchNetwork
import StitchTestSupport

/// Seeded random graphs for the network tests, and their JSON shape for the Python reference.
enum TestGraphs {
    /// A graph as the Python reference reads it: `{"n": 4, "edges": [[0, 1, 2.5], …]}`.
    struct JSON: Encodable {
        let n: Int
        let edges: [[Double]]
    }

    /// A planted partition: `blocks` groups of the given sizes; each pair is tied with probability
    /// `pIn` inside a group and `pOut` across, with weight 1 or a seeded weight in 0.5...2.
    static func stochasticBlockModel(
        blocks: [Int], pIn: Double, pOut: Double, seed: UInt64, weighted: Bool = false
    ) -> (graph: CommunityGraph, labels: [Int], json: JSON) {
        var rng = SplitMix64(seed: seed)
        let labels = blocks.enumerated().flatMap { b, size in [Int](repeating: b, count: size) }
        let n = labels.count
        var triples: [(Int, Int, Double)] = []
        for a in 0..<n {
            for b in (a + 1)..<n {
                let p = labels[a] == labels[b] ? pIn : pOut
                if Double.random(in: 0..<1, using: &rng) < p {
                    triples.append((a, b, weighted ? Double.random(in: 0.5...2, using: &rng) : 1))
                }
            }
        }
        return (CommunityGraph(nodeCount: n, edges: EdgeList(triples)), labels, json(n, triples))
    }

    /// The JSON shape of `n` nodes and weighted pairs.
    static func json(_ n: Int, _ triples: [(Int, Int, Double)]) -> JSON {
        JSON(n: n, edges: triples.map { [Double($0.0), Double($0.1), $0.2] })
    }

    /// The graph and its JSON from explicit pairs.
    static func make(_ n: Int, _ triples: [(Int, Int, Double)]) -> (graph: CommunityGraph, json: JSON) {
        (CommunityGraph(nodeCount: n, edges: EdgeList(triples)), json(n, triples))
    }
}
