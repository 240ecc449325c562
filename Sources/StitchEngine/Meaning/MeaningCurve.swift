import Foundation

/// How close in meaning two texts must be to count as the same help: the cosine of their
/// vectors mapped to a skill level in [0, 1] by a logistic curve fitted on labelled pairs.
///
/// `level(c) = 1 / (1 + exp(-(slope · c + intercept)))`: the fitted chance that a text at
/// cosine `c` from a term is served by that term. Levels below ``SkillLevels/floor`` count as
/// unrelated, and no level reaches ``ceiling``, so a term matched by meaning never outranks the
/// exact term or a lived experience (both 1). The fitted constants, the labelled data they come
/// from and the command that fits them again are in docs/scoring.md.
public struct MeaningCurve: Sendable, Hashable, Codable {
    public var slope: Double
    public var intercept: Double

    /// The highest level a match by meaning gets.
    public static let ceiling = 0.95

    public init(slope: Double, intercept: Double) {
        self.slope = slope
        self.intercept = intercept
    }

    /// The curve fitted on the tuning half of `data/evaluation/free-text.jsonl` (docs/scoring.md).
    public static let fitted = MeaningCurve(slope: 14.85, intercept: -9.3735)

    /// The level of a cosine, in [0, ``ceiling``].
    public func level(cosine: Double) -> Double {
        guard cosine.isFinite else { return 0 }
        let z = slope * cosine + intercept
        return min(Self.ceiling, 1 / (1 + exp(-z)))
    }

    /// The smallest cosine whose level reaches `level` (for bounds and docs).
    public func cosine(atLevel level: Double) -> Double {
        let p = min(max(level, 1e-9), 1 - 1e-9)
        return (log(p / (1 - p)) - intercept) / slope
    }

    /// Fits the curve to labelled cosines by maximum likelihood (Newton's method on the
    /// logistic log-likelihood, with a tiny ridge so separable data still converges).
    ///
    /// - Parameter samples: a cosine and whether the pair is a match, per labelled pair.
    /// - Returns: `nil` with fewer than two samples of each kind.
    public static func fit(_ samples: [(cosine: Double, match: Bool)], ridge: Double = 1e-3) -> MeaningCurve? {
        let positives = samples.filter(\.match).count
        guard positives >= 2, samples.count - positives >= 2 else { return nil }
        var w = 0.0, b = 0.0
        for _ in 0..<100 {
            var gw = -ridge * w, gb = 0.0, hww = ridge, hwb = 0.0, hbb = 0.0
            for s in samples {
                let p = 1 / (1 + exp(-(w * s.cosine + b)))
                let r = (s.match ? 1 : 0) - p
                let v = p * (1 - p)
                gw += r * s.cosine
                gb += r
                hww += v * s.cosine * s.cosine
                hwb += v * s.cosine
                hbb += v
            }
            let det = hww * hbb - hwb * hwb
            guard det > 1e-12 else { break }
            let dw = (hbb * gw - hwb * gb) / det, db = (hww * gb - hwb * gw) / det
            w += dw
            b += db
            if abs(dw) < 1e-10, abs(db) < 1e-10 { break }
        }
        guard w.isFinite, b.isFinite else { return nil }
        return MeaningCurve(slope: w, intercept: b)
    }
}
