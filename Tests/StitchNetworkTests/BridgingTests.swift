import Foundation
import StitchModel
import StitchNetwork
import StitchTestSupport
import Testing

@Suite("Bridging value of a new tie")
struct BridgingTests {
    @Test func withEveryEigenpairTheResistanceIsExact() throws {
        // Effective resistance from the pseudo-inverse of the combinatorial Laplacian, by numpy.
        let g = TestGraphs.stochasticBlockModel(blocks: [12, 10, 8], pIn: 0.5, pOut: 0.08, seed: 21, weighted: true)
        #expect(GraphComponents(g.graph).count == 1)
        let embedding = try SpectralEmbedding(graph: g.graph, count: 30)
        let model = BridgingModel(graph: g.graph, embedding: embedding, maximumEigenvalue: .infinity)
        let script = """
            w, d, A = adjacency(inp)
            P = np.linalg.pinv(np.diag(d) - w.toarray())
            n = inp["n"]
            out([[float(P[a, a] + P[b, b] - 2 * P[a, b]) for b in range(n)] for a in range(n)])
            """
        let exact = try PythonReference.run(script, input: g.json, as: [[Double]].self)
        for a in 0..<30 {
            for b in 0..<30 {
                #expect(abs(model.resistance(a, b) - exact[a][b]) < 1e-9 * max(1, exact[a][b]), "R(\(a), \(b))")
            }
        }
    }

    @Test func aTieAcrossCommunitiesBridgesMoreThanOneInside() throws {
        let g = TestGraphs.stochasticBlockModel(blocks: [50, 50], pIn: 0.2, pOut: 0.01, seed: 2)
        let network = try CommunityNetwork(graph: g.graph)
        var inside: [Double] = []
        var across: [Double] = []
        for a in 0..<50 {
            inside.append(network.bridging(a, (a + 7) % 50))
            across.append(network.bridging(a, 50 + (a + 7) % 50))
        }
        let mean = { (x: [Double]) in x.reduce(0, +) / Double(x.count) }
        #expect(mean(across) > mean(inside) + 0.1, "across \(mean(across)), inside \(mean(inside))")
        #expect((inside + across).allSatisfy { (0...BridgingModel.withinComponent).contains($0) })
    }

    @Test func veraAndAYoungParentBridgeMoreThanVeraAndHerNeighbourEdith() throws {
        let community = try Fixtures.lewisham
        let network = try CommunityNetwork(community: community)
        let jade = try #require(network.bridging("m-vera", "m-jade"))
        let edith = try #require(network.bridging("m-vera", "m-edith"))
        #expect(jade > edith, "Vera–Jade \(jade), Vera–Edith \(edith)")
        #expect(edith < 0.3, "Vera and Edith are tied by exchanges in the same scheme")
        #expect(network.bridging("m-vera", "m-nobody") == nil)
    }

    @Test func veraAndJadeStillBridgeMoreOnceEveryoneIsConnected() throws {
        // Tie Vera's scheme to one community and Jade to the member of another community farthest
        // from it: now all three share one component, and Vera–Edith are still close.
        var community = try Fixtures.lewisham
        let base = try CommunityNetwork(community: community)
        let first = base.communities.members[0][0]
        let others = base.communities.members.dropFirst().joined().filter {
            base.graph.tieCount(of: $0) >= 3
                && base.embedding.components.label[$0] == base.embedding.components.label[first]
        }
        let second = try #require(others.max { base.bridging(first, $0) < base.bridging(first, $1) })
        let (a, b) = (base.graph.memberIDs[first], base.graph.memberIDs[second])
        let day = CalendarDate(parsing: "2026-10-01")
        community.exchanges += [
            Exchange(giver: "m-vera", receiver: a, hours: 1, date: day),
            Exchange(giver: "m-jade", receiver: b, hours: 1, date: day),
            Exchange(giver: b, receiver: "m-jade", hours: 1, date: day),
        ]
        let network = try CommunityNetwork(community: community)
        let parts = network.embedding.components
        let v = try #require(network.graph.index(of: "m-vera"))
        let j = try #require(network.graph.index(of: "m-jade"))
        let e = try #require(network.graph.index(of: "m-edith"))
        #expect(parts.label[v] == parts.label[j] && parts.label[v] == parts.label[e])
        let jade = network.bridging(v, j)
        let edith = network.bridging(v, e)
        #expect(jade > edith + 0.2, "Vera–Jade \(jade), Vera–Edith \(edith)")
    }
}
