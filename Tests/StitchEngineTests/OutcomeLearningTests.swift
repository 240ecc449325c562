import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// Learning a group's weights from referral outcomes: it recovers a planted effect and beats the
/// weights in force on held-out rows, agrees with scipy on its own objective, keeps weights
/// valid, is deterministic, and refuses thin data saying how much more it needs.
@Suite("Learning weights from outcomes")
struct OutcomeLearningTests {
    static let referral = OutcomeGroup(profile: .referral)
    /// Fewer folds and penalties, for the tests that are not about the documented figures.
    static let quick = OutcomeLearning.Settings(folds: 3, penalties: [1, 10, 100])
    static let current = ScoringProfile.defaultWeights[.referral]!

    /// `count` rows with uniform factors; uptake drawn from `logit p = intercept + Σ effect_f x_f`,
    /// completion (of those taken up) at 0.6, and a wellbeing change `0.5 + Σ gain_f x_f` plus
    /// uniform noise of ±`noise` for every other row.
    static func rows(
        _ count: Int, effects: [Factor: Double], intercept: Double, gains: [Factor: Double] = [:], noise: Double = 3,
        group: OutcomeGroup = referral, seed: UInt64
    ) -> [OutcomeRow] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { i in
            var x = FactorScores()
            for f in Factor.allCases { x[f] = Double.random(in: 0...1, using: &random) }
            let eta = intercept + Factor.allCases.reduce(0) { $0 + (effects[$1] ?? 0) * x[$1] }
            let tookUp = Double.random(in: 0...1, using: &random) < 1 / (1 + exp(-eta))
            let completed = tookUp ? Double.random(in: 0...1, using: &random) < 0.6 : nil
            let gain = 0.5 + Factor.allCases.reduce(0) { $0 + (gains[$1] ?? 0) * x[$1] }
            let change = i.isMultiple(of: 2) ? gain + Double.random(in: -noise...noise, using: &random) : nil
            return OutcomeRow(factors: x, tookUp: tookUp, completed: completed, wellbeingChange: change, group: group)
        }
    }

    static func expectValid(_ weights: FactorWeights, sourceLocation: SourceLocation = #_sourceLocation) {
        let values = Factor.allCases.map { weights[$0] }
        #expect(
            values.allSatisfy { $0 == 0 || ($0.isFinite && $0 >= 0.000_001) }, "\(weights)",
            sourceLocation: sourceLocation)
        #expect(abs(values.reduce(0, +) - 1) < 1e-12, "\(weights)", sourceLocation: sourceLocation)
        #expect(throws: Never.self, sourceLocation: sourceLocation) { try weights.validatedAsWeights(field: "weights") }
    }

    /// Uptake depends strongly on locality (and a little on skill); the weights in force give
    /// locality 0.15. The fit must raise locality's weight well above that, and predict held-out
    /// uptake better than the weights in force.
    @Test func recoversAPlantedLocalityEffect() throws {
        let rows = Self.rows(1000, effects: [.locality: 4, .skill: 1], intercept: -2, seed: 16)
        let fit = try OutcomeLearning.fit(rows, target: .uptake, group: Self.referral, current: Self.current)
        Self.expectValid(fit.weights)
        #expect(fit.weights.locality > 0.5, "locality \(fit.weights.locality), was 0.15")
        #expect(fit.weights.locality > 2 * fit.weights.skill)
        #expect(fit.weights.locality == Factor.allCases.map { fit.weights[$0] }.max())
        let before = try #require(fit.heldOut.before.logLoss)
        let after = try #require(fit.heldOut.after.logLoss)
        #expect(after < before - 0.02, "held-out log-loss \(before) → \(after)")
        #expect((fit.heldOut.after.auc ?? 0) > (fit.heldOut.before.auc ?? 1) + 0.05)
        #expect(fit.heldOut.improved)
        #expect(fit.rows == 1000 && fit.events == rows.filter(\.tookUp).count)
        #expect(fit.method == "logistic-irls-l2" && fit.version.hasPrefix("lw1-") && fit.version.count == 20)
        print(
            "planted locality (uptake): weights \(Self.describe(fit.weights)); λ \(fit.penalty); κ \(fit.priorScale); "
                + "held-out log-loss \(before) → \(after), AUC \(fit.heldOut.before.auc ?? .nan) → \(fit.heldOut.after.auc ?? .nan); "
                + "events \(fit.events ?? 0) of \(fit.rows)")
    }

    /// The wellbeing change depends on the wellbeing factor (4 metric points from 0 to 1) and
    /// skill (1.5); least squares recovers it and predicts held-out changes better.
    @Test func recoversAPlantedWellbeingEffect() throws {
        let rows = Self.rows(800, effects: [:], intercept: 0, gains: [.wellbeing: 4, .skill: 1.5], seed: 17)
        let fit = try OutcomeLearning.fit(rows, target: .wellbeing, group: Self.referral, current: Self.current)
        Self.expectValid(fit.weights)
        #expect(fit.method == "least-squares-l2" && fit.events == nil && fit.rows == 400)
        #expect(fit.weights.wellbeing > 0.45, "wellbeing \(fit.weights.wellbeing), was 0.25")
        #expect(fit.weights.wellbeing > fit.weights.skill && fit.weights.skill > fit.weights.bridging)
        let before = try #require(fit.heldOut.before.rmse)
        let after = try #require(fit.heldOut.after.rmse)
        #expect(after < before, "held-out RMSE \(before) → \(after)")
        print(
            "planted wellbeing (change): weights \(Self.describe(fit.weights)); λ \(fit.penalty); held-out RMSE \(before) → \(after)"
        )
    }

    static func describe(_ w: FactorWeights) -> String {
        Factor.allCases.map { "\($0.rawValue) \(String(format: "%.3f", w[$0]))" }.joined(separator: ", ")
    }

    struct ReferenceInput: Encodable {
        let x: [[Double]]
        let y: [Double]
        let penalty: Double
        let centre: [Double]
        let binary: Bool
    }

    struct ReferenceOutput: Decodable {
        let coefficients: [Double]
        let objective: Double
    }

    /// The final fit is the minimiser of its documented objective with every slope ≥ 0: scipy's
    /// bounded minimiser finds the same coefficients, and the optimality conditions hold. One
    /// planted effect is negative (bridging), so one slope is held at 0.
    @Test(arguments: [OutcomeTarget.uptake, .wellbeing])
    func theFitIsTheMinimiserOfItsObjective(_ target: OutcomeTarget) throws {
        let rows = Self.rows(
            600, effects: [.locality: 3, .bridging: -3, .skill: 0.5], intercept: -0.5,
            gains: [.wellbeing: 3, .bridging: -3], noise: 1, seed: 18)
        let fit = try OutcomeLearning.fit(
            rows, target: target, group: Self.referral, current: Self.current, settings: Self.quick)
        #expect(fit.coefficients.bridging == 0, "bridging's negative effect is held at 0")
        let used = rows.compactMap { row in target.label(row).map { (Factor.allCases.map { row.factors[$0] }, $0) } }
        let centre = Factor.allCases.map { fit.previous[$0] * max(fit.priorScale, 0) }
        let beta = [fit.intercept] + Factor.allCases.map { fit.coefficients[$0] }
        // The gradient of the objective (loss + pull) at the fit.
        var gradient = [Double](repeating: 0, count: 7)
        for (x, y) in used {
            let eta = zip([1] + x, beta).reduce(0) { $0 + $1.0 * $1.1 }
            let residual = target.isBinary ? 1 / (1 + exp(-eta)) - y : 2 * (eta - y)
            for j in 0..<7 { gradient[j] += residual * ([1] + x)[j] }
        }
        let pull = target.isBinary ? 1.0 : 2.0
        for j in 1..<7 { gradient[j] += pull * fit.penalty * (beta[j] - centre[j - 1]) }
        #expect(abs(gradient[0]) < 1e-6, "intercept gradient \(gradient[0])")
        for j in 1..<7 {
            if beta[j] > 0 {
                #expect(abs(gradient[j]) < 1e-6, "\(Factor.allCases[j - 1]) gradient \(gradient[j])")
            } else {
                #expect(gradient[j] > -1e-6, "\(Factor.allCases[j - 1]) held at 0 with gradient \(gradient[j])")
            }
        }
        let reference = try PythonScript.run(
            """
            import json, sys
            import numpy as np
            from scipy.optimize import minimize
            from scipy.special import expit
            inp = json.load(open(sys.argv[1]))
            X = np.hstack([np.ones((len(inp["y"]), 1)), np.array(inp["x"])]); y = np.array(inp["y"])
            lam = inp["penalty"]; c = np.concatenate([[0.0], inp["centre"]]); mask = np.array([0.0] + [1.0] * 6)
            if inp["binary"]:
                f = lambda b: float(np.sum(np.logaddexp(0, X @ b) - y * (X @ b)) + 0.5 * lam * np.sum(mask * (b - c) ** 2))
                g = lambda b: X.T @ (expit(X @ b) - y) + lam * mask * (b - c)
            else:
                f = lambda b: float(np.sum((y - X @ b) ** 2) + lam * np.sum(mask * (b - c) ** 2))
                g = lambda b: -2 * X.T @ (y - X @ b) + 2 * lam * mask * (b - c)
            res = minimize(f, np.zeros(7), jac=g, method="L-BFGS-B", bounds=[(None, None)] + [(0, None)] * 6,
                           options={"ftol": 1e-16, "gtol": 1e-12, "maxiter": 20000})
            json.dump({"coefficients": res.x.tolist(), "objective": f(res.x)}, open(sys.argv[2], "w"))
            """,
            input: ReferenceInput(
                x: used.map(\.0), y: used.map(\.1), penalty: fit.penalty, centre: centre, binary: target.isBinary),
            as: ReferenceOutput.self, reference: "scipy reference")
        let gap = zip(beta, reference.coefficients).map { abs($0 - $1) }.max() ?? .infinity
        #expect(gap < 1e-4, "\(beta) vs scipy \(reference.coefficients)")
    }

    @Test func weightsStayValidAndTheFitIsDeterministic() throws {
        let priors = [
            Self.current,
            FactorWeights(skill: 1, availability: 0, locality: 0, wellbeing: 0, bridging: 0, reciprocity: 0),
            FactorWeights(skill: 3, availability: 2, locality: 0.5, wellbeing: 0, bridging: 7, reciprocity: 1),
        ]
        for (k, prior) in priors.enumerated() {
            let seed = UInt64(30 + k)
            let rows = Self.rows(
                500, effects: [.availability: 2, .reciprocity: -1], intercept: -0.5, gains: [.skill: 2], seed: seed)
            for target in OutcomeTarget.allCases {
                let settings = OutcomeLearning.Settings(folds: 3, penalties: [1, 10], seed: seed)
                let fit = try OutcomeLearning.fit(
                    rows, target: target, group: Self.referral, current: prior, settings: settings)
                Self.expectValid(fit.weights)
                #expect(Factor.allCases.allSatisfy { fit.coefficients[$0] >= 0 })
                let again = try OutcomeLearning.fit(
                    rows, target: target, group: Self.referral, current: prior, settings: settings)
                #expect(again == fit, "the same rows, weights and settings give the same fit")
                var other = settings
                other.seed += 100
                let reseeded = try OutcomeLearning.fit(
                    rows, target: target, group: Self.referral, current: prior, settings: other)
                #expect(reseeded.version != fit.version)
            }
        }
    }

    @Test func onlyTheGroupsRowsCount() throws {
        let mine = Self.rows(400, effects: [.locality: 3], intercept: -1, seed: 40)
        let lonely = OutcomeGroup(profile: .referral, needs: "loneliness")
        let others =
            Self.rows(100, effects: [.skill: 5], intercept: -1, group: OutcomeGroup(profile: .broker), seed: 41)
            + Self.rows(
                300, effects: [.bridging: 5], intercept: -1, group: OutcomeGroup(profile: .referral, needs: "debt"),
                seed: 42)
        let relabelled = mine.map { row in
            var row = row
            row.group = lonely
            return row
        }
        let alone = try OutcomeLearning.fit(
            relabelled, target: .uptake, group: lonely, current: Self.current, settings: Self.quick)
        let mixed = try OutcomeLearning.fit(
            relabelled + others, target: .uptake, group: lonely, current: Self.current, settings: Self.quick)
        #expect(alone == mixed, "rows of other groups change nothing")
        #expect(mixed.rows == 400)
        let all = OutcomeLearning.fitAll(
            relabelled + others, target: .uptake, current: { ScoringProfile.defaultWeights[$0]! }, settings: Self.quick)
        #expect(all.map(\.group.description) == ["broker", "referral", "referral/debt", "referral/loneliness"])
        #expect(try all[3].result.get() == alone)
        #expect(try all[1].result.get().rows == 700, "the whole profile pools its need groups")
        guard case .failure(let refusal) = all[0].result else {
            Issue.record("100 broker offers are too few to fit")
            return
        }
        #expect(refusal.reason.hasPrefix("broker uptake: needs at least 60 outcomes where the person"))
    }

    @Test func thinDataIsRefusedWithHowMuchMoreIsNeeded() throws {
        // 100 offers, 20 taken up: 40 more uptakes are needed, about 200 offers at this rate.
        let rows = (0..<100).map { i in
            OutcomeRow(factors: FactorScores(skill: Double(i) / 100), tookUp: i % 5 == 0, group: Self.referral)
        }
        let expected = LearningRefusal.tooFewEvents(
            group: Self.referral, target: .uptake, rarer: "took it up", has: 20, needed: 60, moreOutcomes: 200)
        #expect(throws: expected) {
            try OutcomeLearning.fit(rows, target: .uptake, group: Self.referral, current: Self.current)
        }
        #expect(expected.moreOutcomesNeeded == 200)
        #expect(
            expected.reason
                == "referral uptake: needs at least 60 outcomes where the person took it up (10 per factor), has 20: "
                + "40 more of those, about 200 more outcomes at the rate seen so far")
        // Nobody has completed yet: no rate to go on.
        let started = rows.map { row in
            var row = row
            row.completed = row.tookUp ? false : nil
            return row
        }
        #expect(
            throws: LearningRefusal.tooFewEvents(
                group: Self.referral, target: .completion, rarer: "completed", has: 0, needed: 60, moreOutcomes: nil)
        ) { try OutcomeLearning.fit(started, target: .completion, group: Self.referral, current: Self.current) }
        // Wellbeing: 59 changes, one short.
        let measured = Self.rows(118, effects: [:], intercept: 0, gains: [.skill: 1], seed: 50)
        #expect(throws: LearningRefusal.tooFewOutcomes(group: Self.referral, target: .wellbeing, has: 59, needed: 60)) {
            try OutcomeLearning.fit(measured, target: .wellbeing, group: Self.referral, current: Self.current)
        }
        let flat = (0..<80).map { _ in
            OutcomeRow(factors: FactorScores(skill: 0.5), tookUp: true, wellbeingChange: 2, group: Self.referral)
        }
        #expect(throws: LearningRefusal.noVariation(group: Self.referral, target: .wellbeing)) {
            try OutcomeLearning.fit(flat, target: .wellbeing, group: Self.referral, current: Self.current)
        }
        // A stricter rule asks for more.
        let strict = OutcomeLearning.Settings(outcomesPerFactor: 20)
        let plenty = Self.rows(400, effects: [.locality: 2], intercept: 0, seed: 51)
        #expect {
            try OutcomeLearning.fit(
                plenty, target: .uptake, group: Self.referral, current: Self.current, settings: strict)
        } throws: { error in
            guard case .tooFewEvents(_, _, _, _, 120, _) = error as? LearningRefusal else { return false }
            return true
        }
    }

    @Test func badSettingsAndRowsAreNamed() {
        #expect(OutcomeLearning.Settings().validationErrors().isEmpty)
        let bad = OutcomeLearning.Settings(
            folds: 1, penalties: [1, 0, .infinity], outcomesPerFactor: 2, maximumIterations: 0)
        #expect(
            bad.validationErrors().map(\.field) == [
                "folds", "penalties[1]", "penalties[2]", "outcomesPerFactor", "maximumIterations",
            ])
        #expect(OutcomeLearning.Settings(penalties: []).validationErrors().map(\.field) == ["penalties"])
        var rows = Self.rows(200, effects: [:], intercept: 0, seed: 70)
        rows[7].factors.locality = 1.5
        #expect(
            throws: LearningRefusal.invalidRow(
                group: Self.referral, target: .uptake, row: 7, reason: "a factor is outside [0, 1]")
        ) {
            try OutcomeLearning.fit(rows, target: .uptake, group: Self.referral, current: Self.current)
        }
    }

    @Test func outcomesThatFallWithEveryFactorFavourNone() throws {
        let rows = Self.rows(
            800, effects: Dictionary(uniqueKeysWithValues: Factor.allCases.map { ($0, -2.0) }), intercept: 5, seed: 60)
        #expect(throws: LearningRefusal.noFactorFavoured(group: Self.referral, target: .uptake)) {
            try OutcomeLearning.fit(
                rows, target: .uptake, group: Self.referral, current: Self.current, settings: Self.quick)
        }
    }
}
