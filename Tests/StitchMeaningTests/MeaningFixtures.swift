import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchTestSupport
import StitchText

/// The real text model, loaded once per test process from where `make models` puts it.
enum MeaningFixtures {
    static let modelDirectory = Fixtures.root.appendingPathComponent(TextModel.defaultDirectory)

    private static let loaded = Result { () throws -> MeaningModel in
        let model = try TextModel(directory: modelDirectory)
        return MeaningModel(embedder: TextModelEmbedder(model: model))
    }

    /// The model, or an error that says to run `make models`.
    static var meaning: MeaningModel {
        get throws { try loaded.get() }
    }

    private static let engines = Result { () throws -> Engine in
        try Engine(community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy, meaning: try meaning)
    }

    /// The bundled community's engine, matching by meaning.
    static var lewisham: Engine {
        get throws { try engines.get() }
    }
}

/// One labelled item of `data/evaluation/*.jsonl`.
struct LabelledText: Decodable {
    var id: String
    var kind: String
    var text: String
    var description: String?
    var skills: [String]
    var split: String
    var needs: [String]?
    var ways: [String]?

    /// Every item of a set.
    static func load(_ name: String) throws -> [LabelledText] {
        let url = Fixtures.root.appendingPathComponent("data/evaluation").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.isEmpty }.map {
            try JSONDecoder().decode(LabelledText.self, from: Data($0.utf8))
        }
    }
}

/// Ranking metrics of one list of answers against the relevant set.
struct RankingMetrics: Codable {
    var n = 0
    var p1 = 0.0, p5 = 0.0, hit5 = 0.0, mrr10 = 0.0

    mutating func add(ranked: [String], relevant: Set<String>) {
        n += 1
        if let first = ranked.first, relevant.contains(first) { p1 += 1 }
        let top5 = ranked.prefix(5)
        p5 += Double(top5.filter(relevant.contains).count) / 5
        if top5.contains(where: relevant.contains) { hit5 += 1 }
        if let rank = ranked.prefix(10).firstIndex(where: relevant.contains) { mrr10 += 1 / Double(rank + 1) }
    }

    /// The means.
    var means: RankingMetrics {
        guard n > 0 else { return self }
        let d = Double(n)
        return RankingMetrics(n: n, p1: p1 / d, p5: p5 / d, hit5: hit5 / d, mrr10: mrr10 / d)
    }

    private enum CodingKeys: String, CodingKey {
        case n, p1 = "P@1", p5 = "P@5", hit5 = "Hit@5", mrr10 = "MRR@10"
    }
}
