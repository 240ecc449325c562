import StitchModel

/// Who is asking, which sets how the factors are weighed.
///
/// - `broker`: a time-bank broker's "who can help?": skill, time and distance first.
/// - `referral`: a GP's or link worker's referral: interests and wellbeing goals first.
/// - `planning`: a connector's planning session: like referral, with more weight on bridging.
///
/// The default weights and why are in docs/scoring.md.
public enum ScoringProfile: String, CaseIterable, Sendable, Hashable, Codable {
    case broker, referral, planning

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "profile")
    }

    /// The documented default weights.
    public static let defaultWeights: [ScoringProfile: FactorWeights] = [
        .broker: FactorWeights(skill: 0.35, availability: 0.20, locality: 0.20, wellbeing: 0.05, bridging: 0.10, reciprocity: 0.10),
        .referral: FactorWeights(skill: 0.25, availability: 0.15, locality: 0.15, wellbeing: 0.25, bridging: 0.10, reciprocity: 0.10),
        .planning: FactorWeights(skill: 0.25, availability: 0.15, locality: 0.10, wellbeing: 0.25, bridging: 0.15, reciprocity: 0.10),
    ]
}
