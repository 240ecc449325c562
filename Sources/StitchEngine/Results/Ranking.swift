/// A ranked answer: the best matches first, how many candidates were considered, and how many
/// were excluded by each hard constraint.
public struct Ranking: Sendable, Hashable, Codable {
    public var matches: [Match]
    /// Candidates looked at (ranked or excluded).
    public var considered: Int
    public var excluded: ExclusionCounts
    /// Notes on the answer as a whole ("no one offers this skill…").
    public var notes: [String]
    /// How a referral's reason in words was read (referrals with a reason, when the engine
    /// matches by meaning).
    public var reading: ReasonReading?

    public init(matches: [Match], considered: Int, excluded: ExclusionCounts, notes: [String] = [], reading: ReasonReading? = nil) {
        self.matches = matches
        self.considered = considered
        self.excluded = excluded
        self.notes = notes
        self.reading = reading
    }
}
