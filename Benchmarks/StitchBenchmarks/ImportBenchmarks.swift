import Benchmark
import Foundation
import StitchEngine
import StitchModel
import StitchStore

/// Importing the community JSON file of 100,000 members, as `stitch import` does: read and check
/// the file (`CommunityImport.read`, `Engine.validate`), then store it in a new SQLite database
/// (`SQLiteCommunityStore.replaceAllInNewFile`, the bulk path of `stitch import`). The file is
/// made in `setup` from the seeded generator (5,000 activities, 600,000 exchanges, about 356,000
/// attendances: 156 MB).
enum ImportBenchmarks {
    /// The file, and a folder for the databases.
    struct Fixture {
        let data: Data
        let folder: URL
    }

    static func register() {
        Benchmark(
            "import 100000 members: read and check",
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, units: [.peakMemoryResident: .mega],
                warmupIterations: 0, scalingFactor: .one, maxDuration: .seconds(60), maxIterations: 3),
            closure: { _, fixture in
                let result = try! CommunityImport.read(fixture.data)
                try! Engine.validate(community: result.community, taxonomy: BenchmarkCommunities.taxonomy)
                blackHole(result)
            },
            setup: { try fixture() })

        Benchmark(
            "import 100000 members: read, check and store",
            configuration: .init(
                metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, units: [.peakMemoryResident: .mega],
                warmupIterations: 0, scalingFactor: .one, maxDuration: .seconds(90), maxIterations: 2),
            closure: { benchmark, fixture in
                let result = try! CommunityImport.read(fixture.data)
                try! Engine.validate(community: result.community, taxonomy: BenchmarkCommunities.taxonomy)
                let path = fixture.folder.appendingPathComponent("import-\(benchmark.currentIteration).sqlite").path
                let store = try! SQLiteCommunityStore(path: path, exclusive: true)
                try! store.replaceAllInNewFile(result.community)
                blackHole(store)
            },
            setup: { try fixture() })
    }

    static func fixture() throws -> Fixture {
        let community = BenchmarkCommunities.community(members: 100_000, seed: 7)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return Fixture(data: try JSONEncoder().encode(community), folder: folder)
    }
}
