import Benchmark
import StitchEngine
import StitchModel

/// The three jobs at 1,000, 10,000 and 100,000 members, and who-can-help at 1,000,000.
///
/// Each iteration is one query (top 10), cycling through 256 queries drawn from the community,
/// so the percentiles spread over common and rare skills and over many people.
enum QueryBenchmarks {
    static let metrics: [BenchmarkMetric] = [.wallClock, .mallocCountTotal, .peakMemoryResident]

    /// Times in microseconds and exact malloc counts, so that every size reads alike; resident memory in MB.
    static func configuration(seconds: Int, maxIterations: Int = 10_000) -> Benchmark.Configuration {
        .init(
            metrics: metrics, timeUnits: .microseconds, units: [.mallocCountTotal: .count, .peakMemoryResident: .mega],
            warmupIterations: 3, scalingFactor: .one, maxDuration: .seconds(seconds), maxIterations: maxIterations)
    }

    static func register() {
        for size in [1_000, 10_000, 100_000] {
            let seconds = size >= 100_000 ? 12 : 4
            Benchmark(
                "who-can-help \(size) members", configuration: configuration(seconds: seconds),
                closure: { benchmark, fixture in
                    let request = fixture.requests[benchmark.currentIteration % fixture.requests.count]
                    blackHole(try! fixture.engine.whoCanHelp(request, limit: 10))
                },
                setup: { QueryFixture(members: size) })

            Benchmark(
                "refer with buddy \(size) members", configuration: configuration(seconds: size >= 100_000 ? 20 : 4),
                closure: { benchmark, fixture in
                    let person = fixture.people[benchmark.currentIteration % fixture.people.count]
                    blackHole(try! fixture.engine.refer(Referral(person: .id(person)), limit: 10, withBuddy: true))
                },
                setup: { QueryFixture(members: size) })

            Benchmark(
                "give \(size) members", configuration: configuration(seconds: seconds),
                closure: { benchmark, fixture in
                    let person = fixture.people[benchmark.currentIteration % fixture.people.count]
                    blackHole(try! fixture.engine.opportunities(for: person, limit: 10))
                },
                setup: { QueryFixture(members: size) })
        }

        // A million members: about 17 s to generate and 25 s to compile before the first query.
        Benchmark(
            "who-can-help 1000000 members", configuration: configuration(seconds: 15, maxIterations: 1_000),
            closure: { benchmark, fixture in
                let request = fixture.requests[benchmark.currentIteration % fixture.requests.count]
                blackHole(try! fixture.engine.whoCanHelp(request, limit: 10))
            },
            setup: { QueryFixture(members: 1_000_000) })
    }
}
