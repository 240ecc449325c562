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
    /// A referral's one-to-one support beside its activities (``OneToOneRanking``); `nil` for
    /// any other ranking.
    public var oneToOne: OneToOneRanking?

    public init(
        matches: [Match], considered: Int, excluded: ExclusionCounts, notes: [String] = [], reading: ReasonReading? = nil,
        oneToOne: OneToOneRanking? = nil
    ) {
        self.matches = matches
        self.considered = considered
        self.excluded = excluded
        self.notes = notes
        self.reading = reading
        self.oneToOne = oneToOne
    }
}

/// A referral's one-to-one support: members who befriend, go along to appointments or give peer
/// support, ranked apart from the activities, with their own counts of what was excluded and why.
///
/// `matches` is empty when none is offered (`why` says so: the activities serve the person's goals
/// and rank higher); `first` is true when the support comes before the activities (a housebound
/// person, or no activity fits).
public struct OneToOneRanking: Sendable, Hashable, Codable {
    /// Members offering one-to-one support, best first; each match's `support` says which.
    public var matches: [Match]
    /// Members offering one-to-one support who were looked at (ranked or excluded).
    public var considered: Int
    public var excluded: ExclusionCounts
    /// True when it is to be read before the activities.
    public var first: Bool
    /// Why one-to-one support is offered, or why none is.
    public var why: String

    public init(matches: [Match], considered: Int, excluded: ExclusionCounts, first: Bool, why: String) {
        self.matches = matches
        self.considered = considered
        self.excluded = excluded
        self.first = first
        self.why = why
    }
}
