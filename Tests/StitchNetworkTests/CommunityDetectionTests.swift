import Foundation
import StitchNetwork
import StitchTestSupport
import Testing

/// Planted partitions (stochastic block models): Leiden's communities are recovered when they
/// are clear, and recovery fades as they blur.
@Suite("Communities on planted partitions")
struct CommunityDetectionTests {
    /// Labels of every node (isolated nodes get -1).
    static func labels(_ found: Communities, _ n: Int) -> [Int] { (0..<n).map { found.label(of: $0) ?? -1 } }

    static func detect(pOut: Double, seed: UInt64) -> (ari: Double, found: Communities) {
        let g = TestGraphs.stochasticBlockModel(blocks: [100, 100, 100, 100], pIn: 0.15, pOut: pOut, seed: seed)
        let found = Communities(graph: g.graph)
        return (AdjustedRandIndex.value(Self.labels(found, 400), g.labels), found)
    }

    @Test func adjustedRandIndexOnHandExamples() {
        #expect(AdjustedRandIndex.value([0, 0, 1, 1], [1, 1, 0, 0]) == 1)
        #expect(AdjustedRandIndex.value([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2]) == 1)
        // sklearn.metrics.adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) = 0.5714285714285715
        #expect(abs(AdjustedRandIndex.value([0, 0, 1, 1], [0, 0, 1, 2]) - 0.5714285714285715) < 1e-12)
        // sklearn.metrics.adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) = 0.5714285714285715 (symmetric)
        #expect(abs(AdjustedRandIndex.value([0, 0, 1, 2], [0, 0, 1, 1]) - 0.5714285714285715) < 1e-12)
        // sklearn.metrics.adjusted_rand_score([0, 0, 0, 0], [0, 1, 2, 3]) = 0.0
        #expect(AdjustedRandIndex.value([0, 0, 0, 0], [0, 1, 2, 3]) == 0)
        // Worse than chance is negative: adjusted_rand_score([0, 0, 1, 1], [0, 1, 0, 1]) = -0.5
        #expect(abs(AdjustedRandIndex.value([0, 0, 1, 1], [0, 1, 0, 1]) + 0.5) < 1e-12)
    }

    @Test func adjustedRandIndexAgreesWithANumpyImplementation() throws {
        struct Labels: Codable {
            let a: [Int]
            let b: [Int]
        }
        var rng = SplitMix64(seed: 3)
        let cases = (0..<5).map { _ in
            Labels(
                a: (0..<200).map { _ in Int.random(in: 0..<4, using: &rng) },
                b: (0..<200).map { _ in Int.random(in: 0..<5, using: &rng) })
        }
        let script = """
            from math import comb
            def ari(a, b):
                a = np.asarray(a); b = np.asarray(b)
                _, ai = np.unique(a, return_inverse=True); _, bi = np.unique(b, return_inverse=True)
                t = np.zeros((ai.max() + 1, bi.max() + 1), dtype=np.int64)
                np.add.at(t, (ai, bi), 1)
                c2 = lambda x: x * (x - 1) / 2
                s = c2(t).sum(); ra = c2(t.sum(axis=1)).sum(); rb = c2(t.sum(axis=0)).sum()
                e = ra * rb / comb(len(a), 2)
                return float((s - e) / ((ra + rb) / 2 - e))
            out([ari(c["a"], c["b"]) for c in inp] + [ari(c["a"], c["a"][:100] + c["b"][100:]) for c in inp])
            """
        let reference = try PythonReference.run(script, input: cases, as: [Double].self)
        let mine =
            cases.map { AdjustedRandIndex.value($0.a, $0.b) }
            + cases.map { AdjustedRandIndex.value($0.a, Array($0.a[..<100] + $0.b[100...])) }
        for (x, y) in zip(mine, reference) { #expect(abs(x - y) < 1e-12, "\(x) vs \(y)") }
    }

    @Test func clearBlocksAreRecoveredAsFourCommunities() {
        let (ari, found) = Self.detect(pOut: 0.005, seed: 1)
        #expect(found.members.count == 4 && found.isolated.isEmpty)
        #expect(ari >= 0.9, "ARI \(ari)")
    }

    @Test func recoveryFadesAsTheBlocksBlur() {
        let clear = Self.detect(pOut: 0.005, seed: 2).ari
        let fuzzy = Self.detect(pOut: 0.03, seed: 2).ari
        let faint = Self.detect(pOut: 0.07, seed: 2).ari
        let none = Self.detect(pOut: 0.15, seed: 2).ari
        #expect(clear >= 0.9, "clear \(clear)")
        #expect(clear >= fuzzy && fuzzy > faint, "ARI \(clear), \(fuzzy), \(faint)")
        #expect(faint > none, "faint \(faint), none \(none)")
        #expect(abs(none) < 0.05, "ARI with no planted structure: \(none)")
    }

    @Test func aLooselyAttachedFringeDoesNotHideTheBlocks() {
        // Two blocks, plus a chain of six members hanging off block 0 by one weak tie: the
        // spectral clustering this replaced split the chain off and merged the blocks without
        // degree regularization; modularity keeps the blocks whatever hangs off them.
        let g = TestGraphs.stochasticBlockModel(blocks: [150, 150], pIn: 0.1, pOut: 0.01, seed: 4)
        var triples: [(Int, Int, Double)] = []
        for a in 0..<300 { for b in g.graph.neighbours(of: a) where Int(b) > a { triples.append((a, Int(b), 1)) } }
        triples += [(0, 300, 0.05)] + (300..<305).map { ($0, $0 + 1, 1.0) }
        let graph = CommunityGraph(nodeCount: 306, edges: EdgeList(triples))
        let found = Communities(graph: graph)
        let blocks = AdjustedRandIndex.value(Array(Self.labels(found, 306)[..<300]), g.labels)
        #expect(blocks >= 0.95, "ARI on the blocks \(blocks)")
        #expect(Set((300..<306).map { found.label(of: $0) }).count == 1, "the chain stays together")
    }

    @Test func theFullModelRecoversClearBlocks() throws {
        let g = TestGraphs.stochasticBlockModel(blocks: [100, 100, 100, 100], pIn: 0.15, pOut: 0.005, seed: 1)
        let network = try CommunityNetwork(graph: g.graph)
        #expect(network.communities.members.count == 4 && network.embedding.regularization > 0)
        #expect(AdjustedRandIndex.value(Self.labels(network.communities, 400), g.labels) >= 0.9)
    }

    @Test func sameSeedSameCommunities() {
        let a = Self.detect(pOut: 0.03, seed: 9).found
        let b = Self.detect(pOut: 0.03, seed: 9).found
        #expect(a.members == b.members && a.modularity == b.modularity)
    }
}
