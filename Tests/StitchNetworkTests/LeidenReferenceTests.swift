import Foundation
import StitchModel
import StitchNetwork
import StitchTestSupport
import Testing

/// Stitch's Leiden against the reference implementation (leidenalg on igraph) on published
/// networks and on a co-attendance network built through Stitch's own path: at the same
/// resolution and the same number of seeds, Stitch's best modularity is at least the
/// reference's. Modularity is computed by networkx for both partitions.
@Suite("Leiden against leidenalg")
struct LeidenReferenceTests {
    struct Case: Encodable {
        let name: String
        let graph: TestGraphs.JSON
        let membership: [Int32]
        let resolution: Double
    }

    struct Verdict: Codable {
        let name: String
        let resolution: Double
        let stitch: Double
        let reference: Double
        let referenceCount: Int
        let connected: Bool
    }

    static let seeds = 10
    static let resolutions = [0.5, 1, 2]

    /// Stitch's partitions of each graph at each resolution, and what networkx and leidenalg say of them.
    static func verdicts(_ graphs: [(String, CommunityGraph, TestGraphs.JSON)]) throws -> [(Case, Verdict, Double)] {
        var cases: [Case] = []
        var own: [Double] = []
        for (name, graph, json) in graphs {
            for resolution in Self.resolutions {
                let found = Leiden(options: .init(resolution: resolution, restarts: Self.seeds)).partition(graph)
                cases.append(Case(name: name, graph: json, membership: found.membership, resolution: resolution))
                own.append(found.modularity)
            }
        }
        let script = """
            result = []
            for c in inp:
                G = nxgraph(c["graph"])
                ref, q = leiden_best(c["graph"], \(Self.seeds), c["resolution"])
                groups = {}
                for v, k in enumerate(c["membership"]):
                    groups.setdefault(k, []).append(v)
                connected = all(nx.is_connected(G.subgraph(g)) for g in groups.values())
                result.append({"name": c["name"], "resolution": c["resolution"],
                               "stitch": modularity(G, c["membership"], c["resolution"]),
                               "reference": q, "referenceCount": len(set(ref)), "connected": connected})
            out(result)
            """
        let verdicts = try NetworkReference.run(script, input: cases, as: [Verdict].self)
        return (0..<cases.count).map { (cases[$0], verdicts[$0], own[$0]) }
    }

    static func check(_ results: [(Case, Verdict, Double)]) {
        for (c, v, own) in results {
            let label = "\(v.name) at γ = \(v.resolution)"
            #expect(abs(own - v.stitch) < 1e-12, "\(label): Stitch's modularity \(own), networkx's \(v.stitch)")
            #expect(
                v.stitch >= v.reference - 1e-9,
                "\(label): Stitch \(v.stitch) (\(Set(c.membership).count) communities), leidenalg \(v.reference) (\(v.referenceCount))"
            )
            #expect(v.connected, "\(label): every community is connected")
        }
    }

    @Test func karateLesMiserablesAndFlorentineFamilies() throws {
        let all = try ClassicGraphs.load()
        let graphs = [("karate", all.karate), ("les misérables", all.lesmis), ("florentine", all.florentine)].map {
            let g = ClassicGraphs.graph($0.1)
            return ($0.0, g.graph, g.json)
        }
        Self.check(try Self.verdicts(graphs))
    }

    @Test func southernWomenCoAttendanceThroughStitchsOwnPath() throws {
        let davis = ClassicGraphs.davis(try ClassicGraphs.load().davis)
        #expect(davis.graph.nodeCount == 18 && davis.graph.tieCount == 139)
        Self.check(try Self.verdicts([("southern women", davis.graph, davis.json)]))
        // The two groups Davis, Gardner & Gardner documented (Freeman 2003): the first nine women
        // and the last nine, as networkx lists them.
        let network = try CommunityNetwork(community: davis.community)
        let labels = (0..<18).map { network.communities.label(of: $0) ?? -1 }
        let documented = (0..<18).map { $0 < 9 ? 0 : 1 }
        #expect(network.communities.members.count == 2)
        #expect(AdjustedRandIndex.value(labels, documented) == 1, "\(labels)")
    }

    @Test func plantedPartitionOfAThousand() throws {
        let g = LargeBlockModel.make(blocks: 10, size: 100, meanInside: 12, meanAcross: 3, seed: 5)
        Self.check(try Self.verdicts([("planted 1,000", g.graph, g.json)]))
    }
}
