import Benchmark
import Foundation
import StitchModel
import StitchNetwork

/// `network.analyse` at 10,000 and 100,000 members: the whole ``CommunityNetwork`` (graph,
/// 13 eigenpairs, communities, bridging, brokers, reciprocity) and its answer, on the seeded
/// generator's community (seed 1, one activity per 20 members: about a million ties at 100,000);
/// `network.embedding` at 100,000, the eigensolve alone; `network.leiden` at 100,000, one run of
/// the Leiden algorithm alone; and `network.brokers` at 100,000 (structural holes and sampled
/// betweenness).
///
/// With `STITCH_EDGE_LIST_DIR` set, setup also writes the graph's ties to
/// `edges-<members>.tsv` there, for `Benchmarks/baselines/eigsh_baseline.py` (scipy's `eigsh` on
/// the same normalized Laplacian) and `Benchmarks/baselines/leiden_baseline.py` (leidenalg on the
/// same ties).
enum NetworkBenchmarks {
    static func register() {
        for size in [10_000, 100_000] {
            Benchmark(
                "network.analyse \(size) members",
                configuration: .init(
                    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds,
                    units: [.peakMemoryResident: .mega], warmupIterations: size >= 100_000 ? 0 : 1, scalingFactor: .one,
                    maxDuration: .seconds(60), maxIterations: size >= 100_000 ? 5 : 20),
                closure: { _, community in
                    let network = try! CommunityNetwork(community: community)
                    blackHole(network.analysis())
                },
                setup: {
                    let community = BenchmarkCommunities.community(members: size, seed: 1)
                    if let folder = ProcessInfo.processInfo.environment["STITCH_EDGE_LIST_DIR"] {
                        try! writeEdges(CommunityGraph(community: community), to: "\(folder)/edges-\(size).tsv")
                    }
                    return community
                })
        }
        registerEmbedding()
        registerLeiden()
    }

    /// One Leiden run (γ = 1, seed 1, the default of at most 10 iterations) on the 100,000-member graph
    /// (987,487 ties), as `leiden_baseline.py` times leidenalg; and the brokers' figures on it.
    static func registerLeiden() {
        Benchmark(
            "network.leiden 100000 members",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal, .peakMemoryResident], timeUnits: .milliseconds,
                units: [.peakMemoryResident: .mega], warmupIterations: 0, scalingFactor: .one,
                maxDuration: .seconds(60), maxIterations: 5),
            closure: { _, graph in
                blackHole(Leiden(options: .init(restarts: 1)).partition(graph))
            },
            setup: {
                let graph = CommunityGraph(community: BenchmarkCommunities.community(members: 100_000, seed: 1))
                if let folder = ProcessInfo.processInfo.environment["STITCH_EDGE_LIST_DIR"] {
                    try! writeEdges(graph, to: "\(folder)/edges-100000.tsv")
                }
                return graph
            })
        Benchmark(
            "network.brokers 100000 members",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 0, scalingFactor: .one,
                maxDuration: .seconds(60), maxIterations: 3),
            closure: { _, input in
                blackHole(BrokerRanking(graph: input.graph, communities: input.communities))
            },
            setup: {
                let graph = CommunityGraph(community: BenchmarkCommunities.community(members: 100_000, seed: 1))
                return (graph: graph, communities: Communities(graph: graph))
            })
    }

    /// The eigensolve alone, as `eigsh_baseline.py` times scipy's: 13 eigenpairs of the regularized
    /// normalized Laplacian, per component (Lanczos on the large ones, `dsyevr` on the rest).
    static func registerEmbedding() {
        Benchmark(
            "network.embedding 100000 members",
            configuration: .init(
                metrics: [.wallClock, .cpuTotal], timeUnits: .milliseconds, warmupIterations: 0, scalingFactor: .one,
                maxDuration: .seconds(60), maxIterations: 5),
            closure: { _, graph in
                let options = NetworkOptions()
                blackHole(
                    try! SpectralEmbedding(
                        graph: graph, count: options.bridging.eigenpairs, options: options.spectral))
            },
            setup: { CommunityGraph(community: BenchmarkCommunities.community(members: 100_000, seed: 1)) })
    }

    /// Writes `nodeCount` on the first line, then one `a<TAB>b<TAB>weight` line per tie (`a < b`),
    /// weights in Swift's shortest round-trip form.
    static func writeEdges(_ graph: CommunityGraph, to path: String) throws {
        var text = "\(graph.nodeCount)\n"
        text.reserveCapacity(graph.tieCount * 32)
        for a in 0..<graph.nodeCount {
            for (b, w) in zip(graph.neighbours(of: a), graph.tieWeights(of: a)) where Int(b) > a {
                text += "\(a)\t\(b)\t\(w)\n"
            }
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}
