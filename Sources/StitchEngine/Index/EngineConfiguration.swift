public import StitchModel

/// Settings of the engine that are policy, not data: defaults a community can change.
public struct EngineConfiguration: Sendable, Hashable {
    /// "Today" for ages and recency; `nil` takes the latest exchange or attendance date, so the
    /// same data always gives the same answer.
    public var referenceDate: CalendarDate?
    /// Travel radius of a member who gave none, in km.
    public var defaultTravelKm: Double = 3
    /// A helper who gave more than this many hours in the overload window is not asked again yet.
    public var overloadHours: Double = 20
    /// The overload window in days.
    public var overloadWindowDays: Int = 28
    /// Activities with more attendees than this add no pairwise ties to the network.
    public var coAttendanceLimit: Int = 60
    /// The bridging model is due for a recompute once the tie weight added or removed since it
    /// was built exceeds this share of its total tie weight (see ``BridgingFreshness``).
    public var bridgingRecomputeWeightShare: Double = 0.05
    /// … or once more than this share of its members have gained their first tie.
    public var bridgingRecomputeFirstTieShare: Double = 0.02
    /// Rank of the learned skill similarity (singular vectors kept); 0 turns it off.
    public var learnedRank: Int = 24
    /// A DBS check older than this many years has expired, unless it is on the Update Service.
    public var dbsValidYears: Int = 3
    /// The language most of the community shares (ISO 639-1): a shared preferred language is
    /// named in the reasons only when it is another ("Speaks Somali").
    public var communityLanguage: String = "en"
    /// Who-can-help's helpers scoring within this of the best are put forward in turn, by the
    /// request's id, so that asks are shared (docs/scoring.md, "Sharing asks in turn"); 0 turns
    /// it off, and a request without an id is always ranked by score alone.
    public var askSharingBand: Double = 0.10
    /// How many of the best-scoring helpers the band is drawn from (at least the limit asked).
    public var askSharingPool: Int = 20
    /// Factor weights by profile.
    public var weights: [ScoringProfile: FactorWeights] = ScoringProfile.defaultWeights

    public init(referenceDate: CalendarDate? = nil) { self.referenceDate = referenceDate }

    /// The weights of a profile (its default when not set).
    public func weights(for profile: ScoringProfile) -> FactorWeights {
        weights[profile] ?? ScoringProfile.defaultWeights[profile]!
    }
}
