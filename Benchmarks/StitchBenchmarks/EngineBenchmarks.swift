import Benchmark
import StitchEngine
import StitchModel

/// Compiling a community into an engine, and the memory the engine keeps.
enum EngineBenchmarks {
    /// Resident memory held by the engine, in KiB: measured with the community dropped and the heap trimmed.
    static let residentKiB = BenchmarkMetric.custom(
        "Engine resident (KiB)", polarity: .prefersSmaller, useScalingFactor: false)
    /// The same per member, in bytes (fixed costs such as the skill graph included).
    static let bytesPerMember = BenchmarkMetric.custom(
        "Engine resident per member (B)", polarity: .prefersSmaller, useScalingFactor: false)

    static func register() {
        for size in [100_000, 1_000_000] {
            Benchmark(
                "build engine \(size) members",
                configuration: .init(
                    metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds,
                    units: [.peakMemoryResident: .mega], warmupIterations: 0, scalingFactor: .one,
                    maxDuration: .seconds(30), maxIterations: size >= 1_000_000 ? 1 : 3),
                closure: { _, community in
                    blackHole(try! Engine(community: community, taxonomy: BenchmarkCommunities.taxonomy))
                },
                setup: {
                    // 5,000 activities at 100,000 members, another seed than the query benchmarks.
                    BenchmarkCommunities.community(members: size, seed: 7)
                })
        }

        // Resident memory per member is the slope between sizes: (R(100k) - R(1k)) / 99,000.
        for size in [1_000, 10_000, 100_000, 1_000_000] {
            Benchmark(
                "engine resident \(size) members",
                configuration: .init(
                    metrics: [residentKiB, bytesPerMember], units: [residentKiB: .count, bytesPerMember: .count],
                    warmupIterations: 0, scalingFactor: .one,
                    maxDuration: .seconds(60), maxIterations: 1)
            ) { benchmark in
                _ = BenchmarkCommunities.taxonomy
                ProcessMemory.trim()
                let before = ProcessMemory.residentBytes()
                var engine: Engine? = nil
                do {
                    let community = BenchmarkCommunities.community(members: size)
                    engine = try! Engine(community: community, taxonomy: BenchmarkCommunities.taxonomy)
                }
                ProcessMemory.trim()
                let held = ProcessMemory.residentBytes() - before
                blackHole(engine)
                benchmark.measurement(residentKiB, held / 1024)
                benchmark.measurement(bytesPerMember, held / size)
            }
        }
    }
}
