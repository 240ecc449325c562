import Benchmark
import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchText

/// Matching by meaning: one request's words embedded, and who-can-help at 100,000 members asked
/// by taxonomy id and by the same help in words (the words' vectors cached, as a daemon keeps them).
///
/// The model comes from `$STITCH_MODEL` or `models/all-MiniLM-L6-v2` (`make models`).
enum MeaningBenchmarks {
    static var modelDirectory: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.environment["STITCH_MODEL"] ?? TextModel.defaultDirectory)
    }

    /// Words a broker might type for each taxonomy entry: "someone to help with <label>".
    static func words(for request: HelpRequest, taxonomy: SkillTaxonomy) -> HelpRequest {
        var r = request
        let label = taxonomy.skills.first { $0.id == request.skill }?.label.lowercased() ?? request.skill
        r.skill = "someone to help with \(label)"
        return r
    }

    static func register() {
        Benchmark(
            "embed one request text", configuration: QueryBenchmarks.configuration(seconds: 6, maxIterations: 2_000),
            closure: { benchmark, model in
                let texts = ["lift to the hospital on tuesday", "help with my garden", "someone to sit with mum", "I offer car wash."]
                blackHole(try! model.embed(texts[benchmark.currentIteration % texts.count]))
            },
            setup: { try! TextModel(directory: modelDirectory) })

        for byWords in [false, true] {
            Benchmark(
                "who-can-help \(byWords ? "in words" : "by id") 100000 members (meaning on)",
                configuration: QueryBenchmarks.configuration(seconds: 12),
                closure: { benchmark, fixture in
                    let request = fixture.requests[benchmark.currentIteration % fixture.requests.count]
                    blackHole(try! fixture.engine.whoCanHelp(request, limit: 10))
                },
                setup: { try! MeaningFixture(members: 100_000, byWords: byWords) })
        }
    }
}

/// A 100k community's engine matching by meaning, and its requests by id or in words (each
/// asked once before timing, so their vectors are cached).
struct MeaningFixture {
    let engine: Engine
    let requests: [HelpRequest]

    init(members: Int, byWords: Bool) throws {
        let community = BenchmarkCommunities.community(members: members)
        let model = try TextModel(directory: MeaningBenchmarks.modelDirectory)
        engine = try Engine(
            community: community, taxonomy: BenchmarkCommunities.taxonomy,
            meaning: MeaningModel(embedder: TextModelEmbedder(model: model)))
        let base = BenchmarkCommunities.requests(community)
        requests = byWords ? base.map { MeaningBenchmarks.words(for: $0, taxonomy: BenchmarkCommunities.taxonomy) } : base
        for request in requests { _ = try engine.whoCanHelp(request, limit: 10) }
        ProcessMemory.trim()
    }
}
