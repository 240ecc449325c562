import Benchmark
import StitchEngine
import StitchModel

/// `explain` at 100,000 members: one pair's full breakdown, for a helper and for an activity.
///
/// The pairs are the top three answers of who-can-help and of refer for the benchmark's
/// requests and people, the pairs a broker or link worker would ask about.
enum ExplainBenchmarks {
    static func register() {
        let size = 100_000
        let configuration = QueryBenchmarks.configuration(seconds: 5)
        Benchmark(
            "explain helper \(size) members", configuration: configuration,
            closure: { benchmark, fixture in
                let query = fixture.helperExplains[benchmark.currentIteration % fixture.helperExplains.count]
                blackHole(try! fixture.engine.explain(query))
            },
            setup: { QueryFixture(members: size, explains: true) })

        Benchmark(
            "explain activity \(size) members", configuration: configuration,
            closure: { benchmark, fixture in
                let query = fixture.activityExplains[benchmark.currentIteration % fixture.activityExplains.count]
                blackHole(try! fixture.engine.explain(query))
            },
            setup: { QueryFixture(members: size, explains: true) })
    }
}
