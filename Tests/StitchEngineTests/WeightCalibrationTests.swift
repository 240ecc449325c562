import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// `weights.calibrate`'s fit: it recovers planted weights, agrees with numpy, keeps weights
/// valid, refuses too few outcomes, and lets few outcomes move the weights little.
@Suite("Weight calibration")
struct WeightCalibrationTests {
    /// Samples with uniform factors in [0, 1] and labels `c + w·x` plus uniform noise of ±`noise`.
    static func samples(
        _ count: Int, planted: FactorWeights, intercept: Double = 0.1, noise: Double = 0.1, seed: UInt64
    ) -> [WeightCalibration.Sample] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var x = FactorScores()
            for f in Factor.allCases { x[f] = Double.random(in: 0...1, using: &random) }
            let y = intercept + Factor.allCases.reduce(0) { $0 + planted[$1] * x[$1] }
            return .init(factors: x, label: y + Double.random(in: -noise...noise, using: &random))
        }
    }

    static func expectValid(_ weights: FactorWeights, sourceLocation: SourceLocation = #_sourceLocation) {
        let values = Factor.allCases.map { weights[$0] }
        #expect(values.allSatisfy { $0.isFinite && $0 >= 0 }, "\(weights)", sourceLocation: sourceLocation)
        #expect(abs(values.reduce(0, +) - 1) < 1e-12, "\(weights)", sourceLocation: sourceLocation)
    }

    static func distance(_ a: FactorWeights, _ b: FactorWeights) -> Double {
        Factor.allCases.map { abs(a[$0] - b[$0]) }.max() ?? 0
    }

    static let planted = FactorWeights(
        skill: 0.4, availability: 0.08, locality: 0.22, wellbeing: 0.12, bridging: 0.1, reciprocity: 0.08)
    static let plantedWithZero = FactorWeights(
        skill: 0.45, availability: 0, locality: 0.3, wellbeing: 0.15, bridging: 0, reciprocity: 0.1)
    static let prior = ScoringProfile.defaultWeights[.broker]!

    @Test func recoversPlantedWeights() throws {
        for (seed, planted) in [(UInt64(11), Self.planted), (12, Self.plantedWithZero)] {
            let fit = try WeightCalibration.fit(
                Self.samples(4000, planted: planted, seed: seed), prior: Self.prior, profile: .broker)
            Self.expectValid(fit.weights)
            #expect(Self.distance(fit.weights, planted) < 0.02, "fitted \(fit.weights), planted \(planted)")
            #expect(abs(fit.intercept - 0.1) < 0.02)
            #expect(fit.outcomes == 4000)
        }
    }

    @Test func matchesNumpyLeastSquaresOnTheSameSystem() throws {
        var (free, bound) = (0, 0)
        // Outcomes that fall as availability and bridging rise: their weights are held at 0.
        let falling = FactorWeights(
            skill: 0.5, availability: -0.3, locality: 0.3, wellbeing: 0.1, bridging: -0.2, reciprocity: 0.1)
        for (seed, planted) in [(UInt64(21), Self.planted), (22, Self.plantedWithZero), (23, falling), (24, falling)] {
            let samples = Self.samples(200, planted: planted, noise: 0.2, seed: seed)
            let fit = try WeightCalibration.fit(samples, prior: Self.prior, profile: .broker)
            let system = WeightCalibration.system(samples, prior: Self.prior)
            let reference = try NumPyCalibration.run(samples: samples, prior: Self.prior, system: system)
            #expect(reference.systemDifference == 0, "numpy builds the same augmented system")
            // Where every fitted weight is positive, the fit is numpy's unconstrained solution.
            let fitted = [fit.intercept] + Factor.allCases.map { fit.slopes[$0] }
            if Factor.allCases.allSatisfy({ fit.slopes[$0] > 0 }) {
                free += 1
                #expect(zip(fitted, reference.unconstrained).allSatisfy { abs($0 - $1) < 1e-9 }, "\(fitted) vs \(reference.unconstrained)")
            }
            // Always: the best non-negative solution over every support, found by numpy.
            #expect(zip(fitted, reference.nonNegative).allSatisfy { abs($0 - $1) < 1e-9 }, "\(fitted) vs \(reference.nonNegative)")
            Self.expectOptimal(fit, samples: samples)
            if Factor.allCases.contains(where: { fit.slopes[$0] == 0 }) { bound += 1 }
        }
        #expect(free >= 1 && bound >= 1, "both an unconstrained and a constrained fit are checked (\(free), \(bound))")
    }

    /// The Karush–Kuhn–Tucker conditions of the non-negative ridge fit: zero gradient on the
    /// intercept and every positive weight, a gradient ≥ 0 on every weight held at 0.
    static func expectOptimal(_ fit: WeightCalibration.Fit, samples: [WeightCalibration.Sample]) {
        let total = Factor.allCases.reduce(0) { $0 + prior[$1] }
        var gradient = FactorScores()
        var interceptGradient = 0.0
        for s in samples {
            let r = fit.intercept + Factor.allCases.reduce(0) { $0 + fit.slopes[$1] * s.factors[$1] } - s.label
            interceptGradient += 2 * r
            for f in Factor.allCases { gradient[f] += 2 * r * s.factors[f] }
        }
        #expect(abs(interceptGradient) < 1e-8)
        for f in Factor.allCases {
            let g = gradient[f] + 2 * WeightCalibration.priorStrength * (fit.slopes[f] - prior[f] / total)
            if fit.slopes[f] > 0 {
                #expect(abs(g) < 1e-8, "\(f): \(g)")
            } else {
                #expect(g > -1e-8, "\(f) is held at 0 with gradient \(g)")
            }
        }
    }

    @Test func refusesTooFewOutcomes() throws {
        let samples = Self.samples(19, planted: Self.planted, seed: 3)
        #expect(throws: CalibrationError.tooFewOutcomes(needed: 20, has: 19, profile: .referral)) {
            try WeightCalibration.fit(samples, prior: Self.prior, profile: .referral)
        }
        #expect(throws: CalibrationError.tooFewOutcomes(needed: 20, has: 0, profile: .broker)) {
            try WeightCalibration.fit([], prior: Self.prior, profile: .broker)
        }
        let error = CalibrationError.tooFewOutcomes(needed: 20, has: 19, profile: .referral)
        #expect(error.field == "profile")
        #expect(error.reason == "needs at least 20 recorded outcomes with an activity as candidate, has 19")
        let twenty = Self.samples(20, planted: Self.planted, seed: 3)
        Self.expectValid(try WeightCalibration.fit(twenty, prior: Self.prior, profile: .referral).weights)
    }

    @Test func fewOutcomesMoveTheWeightsLittle() throws {
        let far = FactorWeights(skill: 0, availability: 0, locality: 0, wellbeing: 0.5, bridging: 0.5, reciprocity: 0)
        let few = try WeightCalibration.fit(Self.samples(20, planted: far, seed: 5), prior: Self.prior, profile: .broker)
        let many = try WeightCalibration.fit(Self.samples(5000, planted: far, seed: 5), prior: Self.prior, profile: .broker)
        #expect(Self.distance(few.weights, Self.prior) < Self.distance(few.weights, far), "20 outcomes: still nearer the weights in force")
        #expect(Self.distance(many.weights, far) < 0.03, "5000 outcomes: the data decide")
        #expect(Self.distance(few.weights, Self.prior) < Self.distance(many.weights, Self.prior))
    }

    @Test func weightsStayValidWhateverTheOutcomes() throws {
        var random = SplitMix64(seed: 99)
        var fitted = 0
        for round in 0..<40 {
            let count = Int.random(in: 20...200, using: &random)
            var samples: [WeightCalibration.Sample] = []
            for _ in 0..<count {
                var x = FactorScores()
                for f in Factor.allCases {
                    // Some factors constant (as a neutral 0.5 often is), some spread.
                    x[f] = f == .bridging && round % 2 == 0 ? 0.5 : Double.random(in: 0...1, using: &random)
                }
                let accepted = Bool.random(using: &random)
                let outcome = Outcome(
                    subject: "s", candidate: "c", accepted: accepted, completed: accepted && Bool.random(using: &random))
                // Every third round: outcomes that fall as skill rises.
                let label = round % 3 == 1 ? 1 - x.skill : WeightCalibration.label(outcome)
                samples.append(.init(factors: x, label: label))
            }
            do {
                let fit = try WeightCalibration.fit(samples, prior: Self.prior, profile: .broker)
                Self.expectValid(fit.weights)
                Self.expectOptimal(fit, samples: samples)
                fitted += 1
            } catch {
                #expect(error == .noFactorFavoured)
            }
        }
        #expect(fitted >= 30, "most rounds give a fit (\(fitted) of 40)")
    }

    @Test func outcomesAreLabelledByAcceptanceAndCompletion() {
        #expect(WeightCalibration.label(Outcome(subject: "s", candidate: "c", accepted: false)) == 0)
        #expect(WeightCalibration.label(Outcome(subject: "s", candidate: "c", accepted: true)) == 0.5)
        #expect(
            WeightCalibration.label(
                Outcome(subject: "s", candidate: "c", accepted: true, completed: true, wellbeingBefore: 1, wellbeingAfter: 9))
                == 1)
    }

    /// The engine explains each outcome's pair again and fits those of the profile: activities
    /// for `referral` and `planning`, members for `broker`.
    @Test func theEngineFitsTheExplainedFactorsOfTheProfilesOutcomes() throws {
        let engine = try Fixtures.lewishamEngine
        let community = try Fixtures.lewisham
        var outcomes: [Outcome] = []
        var samples: [WeightCalibration.Sample] = []
        var random = SplitMix64(seed: 42)
        for (i, member) in community.members.prefix(40).enumerated() {
            for activity in community.activities.shuffled(using: &random).prefix(2) {
                let factors = try engine.explain(ExplainQuery(subject: .id(member.id), candidate: activity.id)).factors
                // People take up what matches their interests.
                let accepted = factors.skill > 0.6 || i % 7 == 0
                let outcome = Outcome(
                    subject: member.id, candidate: activity.id, accepted: accepted, completed: accepted && factors.skill > 0.8)
                outcomes.append(outcome)
                samples.append(.init(factors: factors, label: WeightCalibration.label(outcome)))
            }
        }
        // Not for the referral profile, or no longer resolvable.
        let helper = try #require(community.members.first { !$0.needs.isEmpty })
        let giver = try #require(community.members.first { $0.id != helper.id && !$0.offers.isEmpty })
        outcomes.append(Outcome(subject: helper.id, candidate: giver.id, accepted: true))
        outcomes.append(Outcome(subject: helper.id, candidate: "a-gone", accepted: true))
        outcomes.append(Outcome(subject: "m-gone", candidate: community.activities[0].id, accepted: true))

        let fit = try engine.calibrateWeights(from: outcomes, profile: .referral)
        let direct = try WeightCalibration.fit(samples, prior: ScoringProfile.defaultWeights[.referral]!, profile: .referral)
        #expect(fit.weights == direct.weights && fit.intercept == direct.intercept)
        #expect(fit.outcomes == 80 && fit.skipped == 2)
        Self.expectValid(fit.weights)
        #expect(fit.weights.skill > ScoringProfile.defaultWeights[.referral]!.skill, "uptake follows interests: \(fit.weights)")
        #expect(Factor.allCases.allSatisfy { fit.weights.skill >= fit.weights[$0] }, "\(fit.weights)")

        #expect(throws: CalibrationError.tooFewOutcomes(needed: 20, has: 1, profile: .broker)) {
            try engine.calibrateWeights(from: outcomes, profile: .broker)
        }
    }
}

/// numpy's answer for the same fit: it builds the augmented system itself (compared entry by
/// entry with Stitch's), solves it with `numpy.linalg.lstsq`, and finds the best non-negative
/// solution by solving every support the same way.
enum NumPyCalibration {
    struct Input: Encodable {
        let factors: [[Double]]
        let labels: [Double]
        let prior: [Double]
        let strength: Double
        let systemRows: Int
        let systemColumnMajor: [Double]
        let systemRightHandSide: [Double]
    }

    struct Output: Decodable {
        let systemDifference: Double
        let unconstrained: [Double]
        let nonNegative: [Double]
    }

    static let script = """
        import json, sys
        try:
            import numpy as np
        except ImportError as error:
            sys.stderr.write("numpy is not installed (%s); run `make deps`\\n" % error)
            sys.exit(3)
        with open(sys.argv[1]) as f:
            inp = json.load(f)
        X = np.array(inp["factors"], dtype=float)
        y = np.array(inp["labels"], dtype=float)
        w0 = np.array(inp["prior"], dtype=float)
        w0 = w0 / w0.sum()
        lam = inp["strength"]
        n = len(y)

        def system(support):
            k = len(support)
            A = np.zeros((n + k, 1 + k))
            b = np.zeros(n + k)
            A[:n, 0] = 1.0
            b[:n] = y
            for j, f in enumerate(support):
                A[:n, j + 1] = X[:, f]
                A[n + j, j + 1] = np.sqrt(lam)
                b[n + j] = np.sqrt(lam) * w0[f]
            return A, b

        A, b = system(list(range(6)))
        rows = inp["systemRows"]
        swiftA = np.array(inp["systemColumnMajor"], dtype=float).reshape((7, rows)).T
        swiftB = np.array(inp["systemRightHandSide"], dtype=float)
        difference = float(max(np.max(np.abs(A - swiftA)), np.max(np.abs(b - swiftB))))
        unconstrained = np.linalg.lstsq(A, b, rcond=None)[0]

        best = None
        for mask in range(64):
            support = [f for f in range(6) if mask >> f & 1]
            As, bs = system(support)
            theta = np.linalg.lstsq(As, bs, rcond=None)[0]
            if np.any(theta[1:] < 0):
                continue
            objective = float(np.sum((As @ theta - bs) ** 2)) + lam * sum(w0[f] ** 2 for f in range(6) if f not in support)
            if best is None or objective < best[0]:
                full = [float(theta[0])] + [0.0] * 6
                for j, f in enumerate(support):
                    full[f + 1] = float(theta[j + 1])
                best = (objective, full)
        with open(sys.argv[2], "w") as f:
            json.dump({"systemDifference": difference, "unconstrained": unconstrained.tolist(), "nonNegative": best[1]}, f)
        """

    static func run(
        samples: [WeightCalibration.Sample], prior: FactorWeights, system: WeightCalibration.System
    ) throws -> Output {
        let input = Input(
            factors: samples.map { s in Factor.allCases.map { s.factors[$0] } }, labels: samples.map(\.label),
            prior: Factor.allCases.map { prior[$0] }, strength: WeightCalibration.priorStrength,
            systemRows: system.rows, systemColumnMajor: system.columnMajor, systemRightHandSide: system.rightHandSide)
        return try PythonScript.run(script, input: input, as: Output.self, reference: "numpy reference")
    }
}
