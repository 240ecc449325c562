import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchEngine

/// Matching by meaning measured on the labelled evaluation sets (data/evaluation): the curve
/// is fitted on the `tune` half, the figures are reported on the `report` half, next to exact
/// terms and TF-IDF (`Benchmarks/evaluation/baselines.py`). `STITCH_EVAL_WRITE=1` writes the
/// figures to `Benchmarks/evaluation/stitch.json` (docs/scoring.md quotes them).
@Suite(.serialized) struct MeaningEvaluationTests {
    /// The taxonomy entries ranked for some words, as the engine ranks them: every entry the
    /// words reach by meaning, best level first (entries below the floor are not reached).
    static func ranked(_ text: String, engine: Engine) -> [String] {
        let graph = engine.index.skills
        return graph.related(toWords: text).filter { graph.vocabulary.isTaxonomy($0.index) }.map { graph.vocabulary.key($0.index) }
    }

    /// A referral reason's entries as a referral reads them: clause by clause, each entry at
    /// its best level over the clauses.
    static func rankedReason(_ text: String, engine: Engine) -> [String] {
        let graph = engine.index.skills
        var best: [Int32: Double] = [:]
        for clause in ReasonPrototypes.clauses(text) {
            for r in graph.related(toWords: clause) where graph.vocabulary.isTaxonomy(r.index) { best[r.index] = max(best[r.index] ?? 0, r.level) }
        }
        return best.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { graph.vocabulary.key($0.key) }
    }

    /// Every (cosine, relevant) pair of the tuning half: each item against each taxonomy entry.
    static func tuningSamples(engine: Engine) throws -> [(cosine: Double, match: Bool)] {
        let graph = engine.index.skills
        let meaning = try #require(graph.meaning)
        var samples: [(cosine: Double, match: Bool)] = []
        for item in try LabelledText.load("free-text.jsonl") where item.split == "tune" {
            let vector = try #require(meaning.vector(for: item.text))
            let cosines = try meaning.columns.dotProducts(with: vector)
            var best = [Double](repeating: -1, count: graph.vocabulary.taxonomyCount)
            for j in 0..<meaning.taxonomyColumns {
                let t = Int(meaning.columnTerm[j])
                best[t] = max(best[t], Double(cosines[j]))
            }
            let relevant = Set(item.skills)
            for t in 0..<best.count { samples.append((best[t], relevant.contains(graph.vocabulary.key(Int32(t))))) }
        }
        return samples
    }

    @Test func theCurveIsTheOneFittedOnTheTuningHalf() throws {
        let engine = try MeaningFixtures.lewisham
        let fitted = try #require(MeaningCurve.fit(try Self.tuningSamples(engine: engine)))
        print("meaning curve fitted on the tuning half: slope \(fitted.slope), intercept \(fitted.intercept)")
        #expect(abs(fitted.slope - MeaningCurve.fitted.slope) < 0.01 * abs(fitted.slope))
        #expect(abs(fitted.intercept - MeaningCurve.fitted.intercept) < 0.01 * abs(fitted.intercept))
    }

    @Test func reportHalfFigures() throws {
        let engine = try MeaningFixtures.lewisham
        var figures: [String: [String: RankingMetrics]] = [:]
        for set in ["free-text.jsonl", "openactive.jsonl"] {
            var byKind: [String: RankingMetrics] = [:]
            for item in try LabelledText.load(set) where item.split == "report" {
                let words = [item.text, item.description].compactMap { $0 }.joined(separator: ". ")
                let ranked = item.kind == "reason"
                    ? Self.rankedReason(item.text, engine: engine) : Self.ranked(set == "openactive.jsonl" ? item.text : words, engine: engine)
                byKind[item.kind, default: RankingMetrics()].add(ranked: ranked, relevant: Set(item.skills))
                byKind["all", default: RankingMetrics()].add(ranked: ranked, relevant: Set(item.skills))
            }
            figures[String(set.dropLast(6))] = byKind.mapValues(\.means)
        }
        for (set, kinds) in figures.sorted(by: { $0.key < $1.key }) {
            for (kind, m) in kinds.sorted(by: { $0.key < $1.key }) {
                print(String(format: "%@ %@: n %d  P@1 %.3f  P@5 %.3f  Hit@5 %.3f  MRR@10 %.3f", set, kind, m.n, m.p1, m.p5, m.hit5, m.mrr10))
            }
        }
        if ProcessInfo.processInfo.environment["STITCH_EVAL_WRITE"] != nil {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(figures).write(to: Fixtures.root.appendingPathComponent("Benchmarks/evaluation/stitch.json"))
        }
        // Well above exact terms (P@1 0.10 / 0.08 on these halves) on both sets.
        let freeText = try #require(figures["free-text"]?["all"]), openActive = try #require(figures["openactive"]?["all"])
        #expect(freeText.p1 > 0.4)
        #expect(openActive.p1 > 0.4)
    }

    /// Needs and goals read from the report half's reasons against their labels: precision and
    /// recall, printed (docs/scoring.md quotes them) and held above chance.
    @Test func reasonsReadIntoTheLabelledNeeds() throws {
        let engine = try MeaningFixtures.lewisham
        var needHits = 0, needFound = 0, needLabelled = 0, wayHits = 0, wayFound = 0, wayLabelled = 0
        for item in try LabelledText.load("free-text.jsonl") where item.kind == "reason" && item.split == "report" {
            let reading = try #require(engine.index.skills.read(reason: item.text, goalsGiven: false)).reading
            let found = Set(reading.needs.map(\.need.rawValue)), labelled = Set(item.needs ?? [])
            needHits += found.intersection(labelled).count
            needFound += found.count
            needLabelled += labelled.count
            let ways = Set(WellbeingWay.allCases.filter { (reading.goals?[$0] ?? 0) > 0 }.map(\.rawValue)), wanted = Set(item.ways ?? [])
            wayHits += ways.intersection(wanted).count
            wayFound += ways.count
            wayLabelled += wanted.count
        }
        let needPrecision = Double(needHits) / Double(max(1, needFound)), needRecall = Double(needHits) / Double(max(1, needLabelled))
        let wayPrecision = Double(wayHits) / Double(max(1, wayFound)), wayRecall = Double(wayHits) / Double(max(1, wayLabelled))
        print(String(format: "reasons, report half: needs precision %.3f recall %.3f; ways precision %.3f recall %.3f", needPrecision, needRecall, wayPrecision, wayRecall))
        #expect(needPrecision > 0.5)
        #expect(needRecall > 0.3)
        #expect(wayPrecision > 0.5)
    }
}
