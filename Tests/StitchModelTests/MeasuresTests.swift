import Foundation
import StitchModel
import StitchTestSupport
import Testing

/// SWEMWBS and ONS4: scored with the published table and bands, validated item by item with
/// field paths, read and written with strict keys, and their changes signed so positive is better.
@Suite("Wellbeing measures")
struct MeasuresTests {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    static func firstError<T: Decodable>(_ type: T.Type, _ json: String, prefix: String = "") -> ValidationError? {
        do {
            _ = try decode(type, json)
            return nil
        } catch let error as DecodingError {
            return ValidationError(error, prefix: prefix)
        } catch {
            return ValidationError(field: "?", reason: "\(error)")
        }
    }

    @Test func theConversionTableIsThePublishedOne() throws {
        #expect(SWEMWBS.metricScores.count == 29)
        #expect(SWEMWBS.metricScores.first == 7 && SWEMWBS.metricScores.last == 35)
        #expect(zip(SWEMWBS.metricScores, SWEMWBS.metricScores.dropFirst()).allSatisfy { $0 < $1 }, "the table rises")
        // Spot values from the published table (Warwick Medical School), each also in a second copy.
        for (raw, metric) in [
            (7, 7.00), (8, 9.51), (14, 15.32), (21, 19.25), (28, 25.03), (29, 26.02), (34, 32.55), (35, 35.00),
        ] {
            #expect(SWEMWBS.metricScore(raw: raw) == metric, "raw \(raw)")
        }
        let middle = try SWEMWBS(items: [3, 3, 3, 3, 3, 3, 3])
        #expect(middle.rawScore == 21 && middle.metricScore == 19.25)
        let mixed = try SWEMWBS(items: [1, 5, 2, 4, 3, 5, 4])
        #expect(mixed.rawScore == 24 && mixed.metricScore == 21.54)
    }

    @Test func eachItemIsCheckedAndNamed() {
        #expect(throws: ValidationErrors.self) { try SWEMWBS(items: [3, 3, 3, 6, 3, 3, 3]) }
        #expect(
            SWEMWBS.validationErrors(items: [3, 3, 3, 6, 3, 0, 3]) == [
                ValidationError(
                    field: "items[3]",
                    reason:
                        "item 4 is 6, out of range; expected a whole number from 1 (none of the time) to 5 (all of the time)"
                ),
                ValidationError(
                    field: "items[5]",
                    reason:
                        "item 6 is 0, out of range; expected a whole number from 1 (none of the time) to 5 (all of the time)"
                ),
            ])
        #expect(
            SWEMWBS.validationErrors(items: [3, 3, 3]) == [
                ValidationError(
                    field: "items", reason: "has 3 items; SWEMWBS has exactly 7, each a whole number from 1 to 5")
            ])
        #expect(throws: ValidationErrors.self) { try ONS4(satisfied: 11, worthwhile: 5, happy: 5, anxious: -1) }
        do {
            _ = try ONS4(satisfied: 11, worthwhile: 5, happy: 5, anxious: -1)
        } catch {
            #expect(
                error.errors == [
                    ValidationError(
                        field: "satisfied",
                        reason:
                            "satisfied 11 is out of range; expected a whole number from 0 (not at all) to 10 (completely)"
                    ),
                    ValidationError(
                        field: "anxious",
                        reason:
                            "anxious -1 is out of range; expected a whole number from 0 (not at all anxious) to 10 (completely anxious)"
                    ),
                ])
        }
    }

    static let good = #"{"swemwbs":[2,3,2,3,2,3,3],"ons4":{"satisfied":4,"worthwhile":5,"happy":4,"anxious":7}}"#

    @Test(arguments: [
        (#"{"before":{"swemwbs":[2,3,2,9,2,3,3]}}"#, "params.wellbeing.before.swemwbs[3]", "item 4 is 9, out of range"),
        (
            #"{"before":{"swemwbs":[2,3,2,2.5,2,3,3]}}"#, "params.wellbeing.before.swemwbs[3]",
            "item 4 is 2.5, out of range"
        ),
        (#"{"before":{"swemwbs":[2,3,"often",2,2,3,3]}}"#, "params.wellbeing.before.swemwbs[2]", "expected a number"),
        (
            #"{"before":{"swemwbs":[2,3,2,2,2,3]}}"#, "params.wellbeing.before.swemwbs",
            "has 6 items; SWEMWBS has exactly 7"
        ),
        (#"{"before":{"swemwbs":[2,3,2,2,2,3,3,1]}}"#, "params.wellbeing.before.swemwbs", "has 8 items"),
        (#"{"before":{"swemwbs":{"items":[1]}}}"#, "params.wellbeing.before.swemwbs", "expected an array"),
        (
            #"{"before":{"ons4":{"satisfied":4,"worthwhile":5,"happy":4,"anxious":11}}}"#,
            "params.wellbeing.before.ons4.anxious",
            "anxious 11 is out of range; expected a whole number from 0 (not at all anxious) to 10"
        ),
        (
            #"{"before":{"ons4":{"satisfied":4.5,"worthwhile":5,"happy":4,"anxious":1}}}"#,
            "params.wellbeing.before.ons4.satisfied",
            "must be a whole number"
        ),
        (
            #"{"before":{"ons4":{"satisfied":4,"worthwhile":5,"happy":4}}}"#, "params.wellbeing.before.ons4.anxious",
            "is required"
        ),
        (
            #"{"before":{"ons4":{"satisfied":4,"worthwhile":5,"happy":4,"anxiety":3}}}"#,
            "params.wellbeing.before.ons4.anxiety",
            "unknown field 'anxiety'; expected one of satisfied, worthwhile, happy, anxious"
        ),
        (#"{"before":{"date":"2025-03-01"}}"#, "params.wellbeing.before.swemwbs", "is required when ons4 is absent"),
        (
            #"{"before":{"swemwbs":[3,3,3,3,3,3,3],"swembws":[1]}}"#, "params.wellbeing.before.swembws",
            "did you mean 'swemwbs'?"
        ),
        (#"{"befor":{"swemwbs":[3,3,3,3,3,3,3]}}"#, "params.wellbeing.befor", "did you mean 'before'?"),
        (
            #"{"before":{"date":"2025-06-01","swemwbs":[3,3,3,3,3,3,3]},"after":{"date":"2025-03-01","swemwbs":[3,3,3,3,3,3,3]}}"#,
            "params.wellbeing.after.date", "2025-03-01 is before before.date 2025-06-01"
        ),
    ])
    func aBadMeasurementIsNamedByItsPath(_ json: String, _ field: String, _ reason: String) {
        let error = Self.firstError(WellbeingMeasurement.self, json, prefix: "params.wellbeing")
        #expect(error?.field == field, "\(String(describing: error))")
        #expect(error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func aMeasurementRoundTripsAndMeasuresTheChange() throws {
        let json =
            #"{"before":{"date":"2025-03-03","swemwbs":[2,2,3,2,3,2,3],"ons4":{"satisfied":4,"worthwhile":5,"happy":4,"anxious":7}},"#
            + #""after":{"date":"2025-06-02","swemwbs":[3,3,4,3,4,3,3],"ons4":{"satisfied":6,"worthwhile":5,"happy":4,"anxious":4}}}"#
        let m = try Self.decode(WellbeingMeasurement.self, json)
        #expect(
            try Self.decode(WellbeingMeasurement.self, String(decoding: JSONEncoder().encode(m), as: UTF8.self)) == m)
        #expect(m.validationErrors().isEmpty)
        let change = try #require(m.change)
        // Raw 17 → 23: metric 16.88 → 20.73.
        #expect(
            change.swemwbs
                == SWEMWBSChange(
                    before: try SWEMWBS(items: [2, 2, 3, 2, 3, 2, 3]), after: try SWEMWBS(items: [3, 3, 4, 3, 4, 3, 3]))
        )
        #expect(change.swemwbs?.before == 16.88 && change.swemwbs?.after == 20.73)
        #expect(change.swemwbs?.change == 3.85 && change.swemwbs?.verdict == .improved)
        let ons4 = try #require(change.ons4)
        #expect(ons4.satisfied.improvement == 2 && ons4.satisfied.verdict == .improved)
        #expect(ons4.worthwhile.improvement == 0 && ons4.worthwhile.verdict == .noImportantChange)
        // Anxiety fell from 7 to 4: an improvement of 3, from ONS's "high" band to "medium".
        #expect(ons4.anxious.improvement == 3 && ons4.anxious.verdict == .improved)
        #expect(ons4.anxious.bandBefore == .high && ons4.anxious.bandAfter == .medium)
        #expect(ons4.satisfied.bandBefore == .low && ons4.satisfied.bandAfter == .medium)
        // Before the follow-up there is no change; a follow-up with only ONS4 changes only ONS4.
        #expect(WellbeingMeasurement(before: m.before).change == nil)
        let partial = WellbeingMeasurement(before: m.before, after: WellbeingScores(ons4: m.after?.ons4))
        #expect(partial.change?.swemwbs == nil && partial.change?.ons4 == ons4)
        let encoded = String(
            decoding: try JSONEncoder().encode(WellbeingScores(swemwbs: try SWEMWBS(items: [1, 2, 3, 4, 5, 4, 3]))),
            as: UTF8.self)
        #expect(encoded == #"{"swemwbs":[1,2,3,4,5,4,3]}"#)
    }

    @Test func theMIDIsJudgedOnTheTablesTwoDecimals() throws {
        // Raw 25 → 29 is 22.35 → 26.02: 3.67. Raw 24 → 27 is 21.54 → 24.11: 2.57. Raw 27 → 23 is −3.38.
        func change(_ a: Int, _ b: Int) throws -> SWEMWBSChange {
            func scale(_ raw: Int) throws -> SWEMWBS {
                var items = [Int](repeating: 1, count: 7)
                var left = raw - 7
                for i in items.indices where left > 0 {
                    let add = min(4, left)
                    items[i] += add
                    left -= add
                }
                return try SWEMWBS(items: items)
            }
            return SWEMWBSChange(before: try scale(a), after: try scale(b))
        }
        #expect(try change(25, 29).change == 3.67 && change(25, 29).verdict == .improved)
        #expect(try change(24, 27).change == 2.57 && change(24, 27).verdict == .noImportantChange)
        #expect(try change(27, 23).change == -3.38 && change(27, 23).verdict == .worsened)
        #expect(
            ChangeVerdict(change: 3, mid: SWEMWBS.minimalImportantDifference) == .improved, "exactly the MID counts")
        #expect(ChangeVerdict(change: -1, mid: 1) == .worsened)
        #expect(ONS4.band(4, question: .happy) == .low && ONS4.band(9, question: .happy) == .veryHigh)
        #expect(ONS4.band(1, question: .anxious) == .veryLow && ONS4.band(6, question: .anxious) == .high)
    }

    struct TInput: Encodable {
        let df: [Int]
        let changes: [Double]
    }

    struct TOutput: Decodable {
        let quantiles: [Double]
        let mean: Double
        let sd: Double
        let lower: Double
        let upper: Double
    }

    @Test func groupSummariesMatchScipy() throws {
        var random = SplitMix64(seed: 9)
        let changes = (0..<23).map { _ in (Double.random(in: -4...8, using: &random) * 100).rounded() / 100 }
        let degrees = Array(1...60) + [80, 120, 500, 5000]
        let reference = try PythonScript.run(
            """
            import json, sys
            import numpy as np
            from scipy import stats
            inp = json.load(open(sys.argv[1]))
            x = np.array(inp["changes"])
            lo, hi = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
            json.dump({"quantiles": [float(stats.t.ppf(0.975, d)) for d in inp["df"]], "mean": float(x.mean()),
                       "sd": float(x.std(ddof=1)), "lower": float(lo), "upper": float(hi)}, open(sys.argv[2], "w"))
            """, input: TInput(df: degrees, changes: changes), as: TOutput.self, reference: "scipy reference")
        let summary = ChangeSummary(changes: changes, minimalImportantDifference: 3)
        #expect(summary.count == 23)
        #expect(abs((summary.meanChange ?? .nan) - reference.mean) < 1e-12)
        #expect(abs((summary.standardDeviation ?? .nan) - reference.sd) < 1e-12)
        #expect(
            abs((summary.lower95 ?? .nan) - reference.lower) < 1e-3
                && abs((summary.upper95 ?? .nan) - reference.upper) < 1e-3)
        #expect(
            summary.improved == changes.filter { $0 >= 3 }.count
                && summary.worsened == changes.filter { $0 <= -3 }.count)
        #expect(summary.improved + summary.noImportantChange + summary.worsened == 23)
        // The interval's t quantile, through the public interval: half-width / (sd / √n).
        for (df, exact) in zip(degrees, reference.quantiles) {
            let xs = [0.0, 1.0] + [Double](repeating: 0.5, count: df - 1)
            let s = ChangeSummary(changes: xs, minimalImportantDifference: 1)
            let t =
                ((s.upper95 ?? .nan) - (s.meanChange ?? .nan))
                / ((s.standardDeviation ?? .nan) / Double(df + 1).squareRoot())
            #expect(abs(t - exact) < 1e-3, "df \(df): \(t) vs \(exact)")
        }
        let empty = ChangeSummary(changes: [], minimalImportantDifference: 3)
        #expect(empty.count == 0 && empty.meanChange == nil && empty.lower95 == nil)
        let one = ChangeSummary(changes: [4], minimalImportantDifference: 3)
        #expect(one.meanChange == 4 && one.standardDeviation == nil && one.improved == 1)
    }

    @Test func changesAreSummarisedPerGroup() throws {
        let low = try SWEMWBS(items: [2, 2, 2, 2, 2, 2, 2])
        let high = try SWEMWBS(items: [4, 4, 4, 4, 4, 4, 4])
        let calm = try ONS4(satisfied: 5, worthwhile: 5, happy: 5, anxious: 2)
        let tense = try ONS4(satisfied: 5, worthwhile: 5, happy: 5, anxious: 8)
        let up = WellbeingChange(
            swemwbs: SWEMWBSChange(before: low, after: high), ons4: ONS4Change(before: tense, after: calm))
        let down = WellbeingChange(swemwbs: SWEMWBSChange(before: high, after: low))
        let byActivity = WellbeingChangeSummary.grouped([("a-knit", up), ("a-knit", down), ("a-walk", up)])
        let knit = try #require(byActivity["a-knit"])
        #expect(knit.swemwbs.count == 2 && knit.swemwbs.improved == 1 && knit.swemwbs.worsened == 1)
        #expect(knit.swemwbs.meanChange == 0)
        #expect(knit.anxious.count == 1 && knit.anxious.meanChange == 6, "a fall in anxiety from 8 to 2 is +6")
        #expect(byActivity["a-walk"]?.swemwbs.meanChange == 9.71, "raw 14 → 28 is 15.32 → 25.03")
    }
}
