import Foundation
import StitchNetwork
import StitchTestSupport
import Testing

/// The Leiden algorithm's own properties: planted partitions recovered at scale, connected
/// communities, the resolution's effect, determinism, and modularity as networkx computes it.
@Suite("Leiden communities")
struct LeidenTests {
    static func labels(_ membership: [Int32]) -> [Int] { membership.map(Int.init) }

    @Test(arguments: [(10, 100), (20, 500)])
    func plantedBlocksAreRecovered(blocks: Int, size: Int) {
        let g = LargeBlockModel.make(blocks: blocks, size: size, meanInside: 12, meanAcross: 3, seed: UInt64(blocks))
        let found = Leiden(options: .init(restarts: 1)).partition(g.graph)
        let ari = AdjustedRandIndex.value(Self.labels(found.membership), g.labels)
        #expect(ari >= 0.9, "\(blocks * size) members in \(blocks) blocks: ARI \(ari), \(found.count) communities")
    }

    @Test func everyCommunityIsConnected() {
        // Sparse random graphs with weak structure, where the Louvain method can leave a community
        // in pieces: each community found here induces a connected graph.
        for seed in 1...6 {
            let g = LargeBlockModel.make(blocks: 8, size: 60, meanInside: 3, meanAcross: 2, seed: UInt64(seed))
            let found = Leiden(options: .init(restarts: 1, seed: UInt64(seed))).partition(g.graph)
            #expect(Self.pieces(of: found.membership, in: g.graph) == found.count, "seed \(seed)")
        }
    }

    /// The number of connected pieces of the communities (each community's members joined only
    /// by ties inside it); members with no ties are a piece each.
    static func pieces(of membership: [Int32], in graph: CommunityGraph) -> Int {
        var seen = [Bool](repeating: false, count: graph.nodeCount)
        var count = 0
        for start in 0..<graph.nodeCount where !seen[start] {
            count += 1
            seen[start] = true
            var stack = [start]
            while let v = stack.popLast() {
                for u in graph.neighbours(of: v) where !seen[Int(u)] && membership[Int(u)] == membership[v] {
                    seen[Int(u)] = true
                    stack.append(Int(u))
                }
            }
        }
        return count
    }

    @Test func aHigherResolutionFindsMoreSmallerCommunities() {
        let g = LargeBlockModel.make(blocks: 12, size: 50, meanInside: 10, meanAcross: 2, seed: 3)
        let counts = [0.25, 1, 4, 16].map {
            Leiden(options: .init(resolution: $0, restarts: 2)).partition(g.graph).count
        }
        // Below 1 blocks merge, at 1 the twelve planted blocks, far above 1 they split.
        #expect(counts == counts.sorted() && counts[0] < 12 && counts[1] == 12 && counts[3] > 12, "\(counts)")
    }

    @Test func theSameSeedGivesTheSamePartitionAndMoreRunsNeverWorse() {
        let g = LargeBlockModel.make(blocks: 6, size: 80, meanInside: 5, meanAcross: 3, seed: 8)
        let a = Leiden(options: .init(restarts: 1, seed: 4)).partition(g.graph)
        let b = Leiden(options: .init(restarts: 1, seed: 4)).partition(g.graph)
        #expect(a == b)
        let best = Leiden(options: .init(restarts: 6, seed: 4)).partition(g.graph)
        #expect(best.modularity >= a.modularity)
        #expect(best.modularity == Modularity.value(of: best.membership, in: g.graph))
    }

    @Test func degenerateGraphs() {
        let empty = Leiden().partition(CommunityGraph(nodeCount: 0, edges: EdgeList()))
        #expect(empty.count == 0 && empty.modularity == 0)
        let alone = Leiden().partition(CommunityGraph(nodeCount: 3, edges: EdgeList()))
        #expect(alone.count == 3 && alone.modularity == 0)
        let pair = Leiden().partition(CommunityGraph(nodeCount: 3, edges: EdgeList([(0, 1, 2)])))
        #expect(pair.membership[0] == pair.membership[1] && pair.membership[2] != pair.membership[0])
        #expect(pair.modularity == 0)  // one tie: all of its weight is expected inside
        let found = Communities(graph: CommunityGraph(nodeCount: 3, edges: EdgeList([(0, 1, 2)])))
        #expect(found.members == [[0, 1]] && found.isolated == [2])
    }

    @Test func modularityIsNetworkx() throws {
        struct Case: Encodable {
            let graph: TestGraphs.JSON
            let membership: [Int32]
            let resolution: Double
        }
        let g = TestGraphs.stochasticBlockModel(blocks: [20, 25, 15], pIn: 0.3, pOut: 0.05, seed: 6, weighted: true)
        var rng = SplitMix64(seed: 2)
        let cases = [0.5, 1, 2, 1].enumerated().map { i, resolution in
            Case(
                graph: g.json,
                membership: i == 3
                    ? g.labels.map(Int32.init) : (0..<60).map { _ in Int32.random(in: 0..<4, using: &rng) },
                resolution: resolution)
        }
        let script = "out([modularity(nxgraph(c['graph']), c['membership'], c['resolution']) for c in inp])"
        let reference = try NetworkReference.run(script, input: cases, as: [Double].self)
        for (c, expected) in zip(cases, reference) {
            let mine = Modularity.value(of: c.membership, in: g.graph, resolution: c.resolution)
            #expect(abs(mine - expected) < 1e-12, "γ = \(c.resolution): \(mine) vs networkx \(expected)")
        }
    }
}
