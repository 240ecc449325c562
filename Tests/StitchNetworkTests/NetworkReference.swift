import Foundation
import StitchModel
import StitchNetwork
import StitchTestSupport

/// Runs a short networkx / leidenalg script as a subprocess and decodes the JSON it writes.
///
/// The script sees `inp` (the decoded JSON input), `nxgraph(g)` (a networkx graph from
/// `{"n", "edges": [[a, b, w]…]}`, every node `0..<n`, weights as `weight` and `1 / weight` as
/// `distance`), `igraph_of(g)`, `leiden_best(g, seeds, resolution)` (leidenalg's
/// `RBConfigurationVertexPartition`, best of seeds `0..<seeds` by modularity, iterations until
/// stable: the membership and its modularity by networkx) and `out(obj)`. Missing networkx,
/// igraph or leidenalg make the calling test fail with a message saying so (`make deps`
/// installs them): the reference is never skipped.
enum NetworkReference {
    private static let prelude = """
        import json, sys
        try:
            import networkx as nx
            import igraph as ig
            import leidenalg as la
            from scipy.stats import spearmanr
        except ImportError as error:
            sys.stderr.write("networkx, igraph or leidenalg is not installed (%s); run `make deps`\\n" % error)
            sys.exit(3)
        with open(sys.argv[1]) as f:
            inp = json.load(f)
        def nxgraph(g):
            G = nx.Graph()
            G.add_nodes_from(range(g["n"]))
            for a, b, w in g["edges"]:
                G.add_edge(int(a), int(b), weight=w, distance=1.0 / w)
            return G
        def igraph_of(g):
            h = ig.Graph(n=g["n"], edges=[(int(a), int(b)) for a, b, _ in g["edges"]])
            h.es["weight"] = [w for _, _, w in g["edges"]]
            return h
        def modularity(G, membership, resolution):
            groups = {}
            for v, c in enumerate(membership):
                groups.setdefault(c, set()).add(v)
            return nx.community.modularity(G, list(groups.values()), weight="weight", resolution=resolution)
        def leiden_best(g, seeds, resolution):
            G, h = nxgraph(g), igraph_of(g)
            best = None
            for seed in range(seeds):
                p = la.find_partition(h, la.RBConfigurationVertexPartition, weights="weight",
                                      resolution_parameter=resolution, seed=seed, n_iterations=-1)
                q = modularity(G, p.membership, resolution)
                if best is None or q > best[1]:
                    best = (p.membership, q)
            return best
        def out(obj):
            with open(sys.argv[2], "w") as f:
                json.dump(obj, f)

        """

    /// Runs `script` with `input` and decodes its output as `Output`.
    static func run<Input: Encodable, Output: Decodable>(
        _ script: String, input: Input, as _: Output.Type = Output.self
    ) throws -> Output {
        try PythonScript.run(self.prelude + script, input: input, reference: "networkx/leidenalg reference")
    }
}

/// Published small networks that ship with networkx, as Stitch graphs.
enum ClassicGraphs {
    /// A weighted graph from networkx, nodes numbered in networkx's order.
    struct Named: Codable {
        let names: [String]
        let edges: [[Double]]
    }

    /// Southern Women (Davis, Gardner & Gardner 1941): 18 women, 14 events, who attended what.
    struct SouthernWomen: Codable {
        let women: [String]
        let events: [String]
        let attended: [[String]]
    }

    /// What the script gives.
    struct All: Codable {
        let karate: Named
        let lesmis: Named
        let florentine: Named
        let davis: SouthernWomen
    }

    /// Zachary's karate club (weighted), Les Misérables co-appearances (weighted), Padgett's
    /// Florentine families' marriages, and the Southern Women's attendance, from networkx.
    static func load() throws -> All {
        let script = """
            def named(G):
                names = list(G.nodes())
                index = {v: i for i, v in enumerate(names)}
                edges = [[index[a], index[b], float(d.get("weight", 1))] for a, b, d in G.edges(data=True)]
                return {"names": [str(v) for v in names], "edges": edges}
            B = nx.davis_southern_women_graph()
            out({"karate": named(nx.karate_club_graph()), "lesmis": named(nx.les_miserables_graph()),
                 "florentine": named(nx.florentine_families_graph()),
                 "davis": {"women": B.graph["top"], "events": B.graph["bottom"],
                           "attended": [[w, e] for w in B.graph["top"] for e in B[w]]}})
            """
        return try NetworkReference.run(script, input: [String](), as: All.self)
    }

    /// A named graph as a Stitch graph (members named as in networkx) and its JSON for the scripts.
    static func graph(_ g: Named) -> (graph: CommunityGraph, json: TestGraphs.JSON) {
        let triples = g.edges.map { (Int($0[0]), Int($0[1]), $0[2]) }
        let graph = CommunityGraph(nodeCount: g.names.count, edges: EdgeList(triples), memberIDs: g.names)
        return (graph, TestGraphs.json(g.names.count, triples))
    }

    /// The Southern Women as a Stitch community (women are members, events activities), and the
    /// graph Stitch's own path builds from its attendance, with its JSON (each tie once).
    static func davis(_ a: SouthernWomen) -> (community: Community, graph: CommunityGraph, json: TestGraphs.JSON) {
        let community = Community(
            members: a.women.map { Member(id: $0) }, activities: a.events.map { Activity(id: $0, name: $0) },
            attendance: a.attended.map { Attendance(member: $0[0], activity: $0[1]) })
        let graph = CommunityGraph(community: community)
        var triples: [(Int, Int, Double)] = []
        for v in 0..<graph.nodeCount {
            for (u, w) in zip(graph.neighbours(of: v), graph.tieWeights(of: v)) where Int(u) > v {
                triples.append((v, Int(u), w))
            }
        }
        return (community, graph, TestGraphs.json(graph.nodeCount, triples))
    }
}
