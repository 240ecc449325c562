import Foundation
import StitchModel
import StitchNetwork
import StitchTestSupport
import Testing

/// The brokers' figures against networkx on published networks and on a co-attendance network
/// built through Stitch's own path: Burt's constraint and effective size (networkx's per-member
/// computation) equal to 1e-9, and exact
/// betweenness (ties' weights as strengths, lengths `1 / weight`) equal to 1e-9, with a Spearman
/// rank correlation of at least 0.99.
@Suite("Brokers against networkx")
struct BrokerReferenceTests {
    struct Case: Encodable {
        let name: String
        let graph: TestGraphs.JSON
        let betweenness: [Double]
    }

    struct Reference: Decodable {
        let constraint: [Double]
        let effectiveSize: [Double]
        let betweenness: [Double]
        let spearman: Double
    }

    static func graphs() throws -> [(String, CommunityGraph, TestGraphs.JSON)] {
        let all = try ClassicGraphs.load()
        let davis = ClassicGraphs.davis(all.davis)
        return [("karate", all.karate), ("les misérables", all.lesmis), ("florentine", all.florentine)].map {
            let g = ClassicGraphs.graph($0.1)
            return ($0.0, g.graph, g.json)
        } + [("southern women", davis.graph, davis.json)]
    }

    @Test func constraintEffectiveSizeAndBetweennessAreNetworkx() throws {
        let graphs = try Self.graphs()
        let computed = graphs.map { (StructuralHoles(graph: $0.1), Betweenness(graph: $0.1)) }
        let cases = zip(graphs, computed).map { Case(name: $0.0, graph: $0.2, betweenness: $1.1.values) }
        let script = """
            result = []
            for c in inp:
                G = nxgraph(c["graph"])
                nodes = range(c["graph"]["n"])
                con = nx.constraint(G, weight="weight")
                # Per member: networkx 3.6's all-members shortcut divides, on weighted graphs, by the
                # strongest tie of the wrong member; its per-member path follows Burt's definition.
                eff = nx.effective_size(G, nodes=list(G), weight="weight")
                bet = nx.betweenness_centrality(G, weight="distance", normalized=True)
                result.append({"constraint": [con[v] for v in nodes], "effectiveSize": [eff[v] for v in nodes],
                               "betweenness": [bet[v] for v in nodes],
                               "spearman": float(spearmanr(c["betweenness"], [bet[v] for v in nodes]).statistic)})
            out(result)
            """
        let reference = try NetworkReference.run(script, input: cases, as: [Reference].self)
        for ((name, graph, _), ((holes, betweenness), expected)) in zip(graphs, zip(computed, reference)) {
            #expect(betweenness.isExact && betweenness.pivots == graph.nodeCount, "\(name)")
            for v in 0..<graph.nodeCount {
                let who = "\(name), \(graph.memberIDs[v])"
                #expect(abs((holes.constraint[v] ?? .nan) - expected.constraint[v]) < 1e-9, "constraint of \(who)")
                #expect(
                    abs((holes.effectiveSize[v] ?? .nan) - expected.effectiveSize[v]) < 1e-9, "effective size of \(who)"
                )
                #expect(abs(betweenness.values[v] - expected.betweenness[v]) < 1e-9, "betweenness of \(who)")
            }
            #expect(expected.spearman >= 0.99, "\(name): Spearman \(expected.spearman)")
        }
    }

    @Test func theMediciAreTheFlorentineBroker() throws {
        let florentine = ClassicGraphs.graph(try ClassicGraphs.load().florentine).graph
        let network = try CommunityNetwork(graph: florentine)
        let top = try #require(network.brokers.ranked.first)
        #expect(top.id == "Medici", "\(network.brokers.ranked.map(\.id))")
        // networkx: betweenness 0.5220 (Guadagni next, 0.2546), constraint 0.2099, the lowest of all.
        #expect(abs(top.betweenness - 0.521978021978022) < 1e-12 && abs(top.constraint - 0.2098765432098766) < 1e-12)
        #expect(
            top.communitiesReached >= 3 && top.reason.contains("lowest constraint in the community"), "\(top.reason)")
        #expect(top.reason.hasPrefix("links \(top.communitiesReached) groups; \(top.tiesAcross) of their 6 ties reach"))
    }

    @Test func sampledBetweennessStaysWithinItsBound() {
        let g = LargeBlockModel.make(blocks: 8, size: 100, meanInside: 8, meanAcross: 2, seed: 11)
        let exact = Betweenness(graph: g.graph)
        let work = 2 * g.graph.tieCount + g.graph.nodeCount
        let sampled = Betweenness(graph: g.graph, options: .init(exactWork: 150 * work, sampledWork: 150 * work))
        #expect(exact.isExact && !sampled.isExact && sampled.pivots == 150)
        #expect(abs(sampled.errorBound - (log(2 / 0.05) / (2 * 149.0)).squareRoot()) < 1e-12)
        let errors = (0..<800).map { abs(sampled.values[$0] - exact.values[$0]) }
        #expect(errors.filter { $0 <= sampled.errorBound }.count >= 760, "at least 95% within the bound")
        #expect((errors.max() ?? 0) < sampled.errorBound, "here every member is, by far")
        // The same seed draws the same pivots.
        #expect(Betweenness(graph: g.graph, options: .init(exactWork: 150 * work, sampledWork: 150 * work)).values == sampled.values)
    }
}
