import Foundation
import StitchNetwork
import StitchNumerics
import Testing

/// Empty, single-node, isolated and disconnected graphs: no crash, and the spectrum they should have.
@Suite("Spectral embedding on awkward graphs")
struct SpectralEdgeCaseTests {
    @Test func emptyAndSingleNodeGraphs() throws {
        let empty = CommunityGraph(nodeCount: 0, edges: EdgeList())
        let e = try SpectralEmbedding(graph: empty, count: 0)
        #expect(e.eigenvalues.isEmpty && e.eigenvectors.rows == 0)
        #expect(throws: LAPACKError.self) { try SpectralEmbedding(graph: empty, count: 1) }
        let one = CommunityGraph(nodeCount: 1, edges: EdgeList())
        let s = try SpectralEmbedding(graph: one, count: 1)
        #expect(s.eigenvalues == [1] && s.eigenvectors[0, 0] == 1)
        let network = try CommunityNetwork(graph: one)
        #expect(
            network.communities.members.isEmpty && network.communities.isolated == [0]
                && network.communities.modularity == 0)
        #expect(network.analysis().isolated == ["0"])
        let none = try CommunityNetwork(graph: empty).analysis()
        #expect(none.communities.isEmpty && none.isolated.isEmpty && none.bridging.isEmpty && none.modularity == 0)
    }

    @Test func zeroHasTheMultiplicityOfTheComponentsAndIsolatedNodesGiveOne() throws {
        // Two triangles, a pair, and two isolated nodes: eigenvalue 0 three times, 1 at least twice.
        let g = CommunityGraph(
            nodeCount: 10,
            edges: EdgeList([(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 2), (4, 5, 2), (3, 5, 2), (6, 7, 1)]))
        let embedding = try SpectralEmbedding(graph: g, count: 10)
        let values = embedding.eigenvalues
        #expect(values.filter { abs($0) < 1e-12 }.count == 3)
        #expect(values.filter { abs($0 - 1) < 1e-12 }.count == 2)
        // Each triangle has 1.5 twice; the pair has 2.
        #expect(values.filter { abs($0 - 1.5) < 1e-12 }.count == 4 && abs(values[9] - 2) < 1e-12)
        #expect(embedding.residuals.allSatisfy { $0 < 1e-12 })
        let v = embedding.eigenvectors
        let gram = try v.multiplied(by: v, transposeSelf: true)
        for i in 0..<10 { for j in 0..<10 { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-12) } }
    }

    @Test func identicalComponentsOnTheLanczosPathKeepRepeatedEigenvalues() throws {
        // Two copies of the same random graph: every eigenvalue appears twice, which a single
        // Krylov space could not find; per-component solving does.
        let one = TestGraphs.stochasticBlockModel(blocks: [40, 40], pIn: 0.2, pOut: 0.02, seed: 8, weighted: true)
        var triples: [(Int, Int, Double)] = []
        for a in 0..<80 {
            for (b, w) in zip(one.graph.neighbours(of: a), one.graph.tieWeights(of: a)) where Int(b) > a {
                triples += [(a, Int(b), w), (a + 80, Int(b) + 80, w)]
            }
        }
        let g = CommunityGraph(nodeCount: 160, edges: EdgeList(triples))
        let sparse = try SpectralEmbedding(graph: g, count: 6, options: .init(denseLimit: 0, tolerance: 1e-11))
        let dense = try SpectralEmbedding(graph: g, count: 6)
        #expect(sparse.usedLanczos && sparse.converged && !dense.usedLanczos)
        for (a, b) in zip(sparse.eigenvalues, dense.eigenvalues) { #expect(abs(a - b) < 1e-10) }
        for j in stride(from: 0, to: 6, by: 2) {
            #expect(abs(sparse.eigenvalues[j] - sparse.eigenvalues[j + 1]) < 1e-10)
        }
    }

    @Test func smallComponentsAndIsolatedMembersInTheAnalysis() throws {
        let g = TestGraphs.stochasticBlockModel(blocks: [30, 30], pIn: 0.3, pOut: 0.01, seed: 3)
        var triples: [(Int, Int, Double)] = []
        for a in 0..<60 { for b in g.graph.neighbours(of: a) where Int(b) > a { triples.append((a, Int(b), 1)) } }
        triples += [(60, 61, 1), (61, 62, 1)]  // a small circle of three; 63 and 64 alone
        let network = try CommunityNetwork(graph: CommunityGraph(nodeCount: 65, edges: EdgeList(triples)))
        let found = network.communities
        #expect(found.members.count == 3 && network.smallCircles == [false, false, true])
        #expect(found.members.last == [60, 61, 62] && found.isolated == [63, 64])
        #expect(found.label(of: 63) == nil && found.label(of: 61) == 2)
        #expect(network.bridging(63, 0) == 1 && network.bridging(60, 0) == 0.95 && network.bridging(5, 5) == 0)
    }
}
