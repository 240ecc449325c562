import Benchmark
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport

/// A month of 600 "who can help?" requests replayed on a generated community of 1,000 members
/// (``AskReplay``), today's weights with the asks weighed before every request: the cost of
/// weighing asks per query, and the fairness figures it leads to (printed once, docs/performance.md).
enum AskReplayBenchmarks {
    static func replay() -> AskReplay {
        let taxonomy = try! Fixtures.taxonomy
        let community = CommunityGenerator(configuration: GeneratorConfiguration(members: 1_000, seed: 7), taxonomy: taxonomy).generate()
        return AskReplay(community: community, taxonomy: taxonomy, settings: .init(requests: 600, seed: 7))
    }

    static func register() {
        let configuration = Benchmark.Configuration(
            metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], timeUnits: .milliseconds, maxDuration: .seconds(30),
            maxIterations: 5)
        Benchmark(
            "ask replay 600 requests x 1000 members (with asks)", configuration: configuration,
            closure: { (benchmark: Benchmark, replay: AskReplay) in
                for _ in benchmark.scaledIterations { blackHole(try! replay.run(.withAsks)) }
            },
            setup: {
                let replay = replay()
                for mode in AskReplay.Mode.allCases { print(try! replay.run(mode)) }
                return replay
            })
    }
}
