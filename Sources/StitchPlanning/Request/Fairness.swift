import StitchModel

/// How an allocation weighs people against each other once as many as possible are placed.
///
/// Both place the most people possible first; they differ in what they do with the choice
/// that is left (docs/planning.md):
///
/// - ``total``: the highest total score.
/// - ``maximin``: the highest lowest score (raise the worst-off first), then the highest total
///   among allocations with that lowest score.
public enum Fairness: String, CaseIterable, Sendable, Hashable, Codable {
    /// Most placements, then the highest total score.
    case total
    /// Most placements, then the highest lowest score, then the highest total score.
    case maximin

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "fairness")
    }
}
