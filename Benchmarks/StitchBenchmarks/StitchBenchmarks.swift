import Benchmark
import Foundation
import StitchEngine
import StitchGenerator
import StitchModel

/// Communities from the seeded generator, built once per size and shared by the benchmarks.
enum BenchmarkCommunities {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let taxonomy: SkillTaxonomy = {
        let url = root.appendingPathComponent("data/taxonomy.json")
        return try! JSONDecoder().decode(SkillTaxonomy.self, from: Data(contentsOf: url))
    }()

    nonisolated(unsafe) static var cache: [Int: (Community, Engine)] = [:]
    static let lock = NSLock()

    static func engine(members: Int) -> (Community, Engine) {
        lock.lock()
        defer { lock.unlock() }
        if let hit = cache[members] { return hit }
        let configuration = GeneratorConfiguration(members: members, activities: max(50, members / 20), seed: 42)
        let community = CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate()
        let engine = try! Engine(community: community, taxonomy: taxonomy)
        cache[members] = (community, engine)
        return (community, engine)
    }

    /// Requests drawn from the community itself: a member and one of their needs, or a common skill.
    static func requests(_ community: Community, count: Int) -> [HelpRequest] {
        var out: [HelpRequest] = []
        var i = 0
        while out.count < count, i < community.members.count * 4 {
            let m = community.members[(i * 7919) % community.members.count]
            i += 1
            guard let need = m.needs.first, m.location != nil else { continue }
            out.append(HelpRequest(requester: m.id, skill: need))
        }
        return out
    }
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident, .throughput]
    for size in [1_000, 10_000, 100_000] {
        Benchmark(
            "who-can-help \(size) members",
            configuration: .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 20_000)
        ) { benchmark in
            let (community, engine) = BenchmarkCommunities.engine(members: size)
            let requests = BenchmarkCommunities.requests(community, count: 256)
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(try engine.whoCanHelp(requests[i % requests.count], limit: 10))
            }
        }

        Benchmark(
            "refer with buddy \(size) members",
            configuration: .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 5_000)
        ) { benchmark in
            let (community, engine) = BenchmarkCommunities.engine(members: size)
            let people = stride(from: 0, to: community.members.count, by: max(1, community.members.count / 256)).map { community.members[$0].id }
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(try engine.refer(Referral(person: .id(people[i % people.count])), limit: 10, withBuddy: true))
            }
        }

        Benchmark(
            "give \(size) members",
            configuration: .init(metrics: metrics, scalingFactor: .one, maxDuration: .seconds(5), maxIterations: 5_000)
        ) { benchmark in
            let (community, engine) = BenchmarkCommunities.engine(members: size)
            let people = stride(from: 0, to: community.members.count, by: max(1, community.members.count / 256)).map { community.members[$0].id }
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                blackHole(try engine.opportunities(for: people[i % people.count], limit: 10))
            }
        }
    }

    Benchmark(
        "build engine 100000 members",
        configuration: .init(metrics: [.wallClock, .peakMemoryResident], scalingFactor: .one, maxDuration: .seconds(30), maxIterations: 3)
    ) { benchmark in
        let configuration = GeneratorConfiguration(members: 100_000, activities: 5_000, seed: 7)
        let community = CommunityGenerator(configuration: configuration, taxonomy: BenchmarkCommunities.taxonomy).generate()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try Engine(community: community, taxonomy: BenchmarkCommunities.taxonomy))
        }
    }
}
