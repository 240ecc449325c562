public import StitchEngine
public import StitchModel

/// A fit of a profile's weights to referral outcomes as Stitch keeps it: the fit under its
/// version, the day it was learnt, and the day it was last applied (`weights.apply`), if ever.
///
/// `{"version": "lw1-…", "learned": "2026-12-07", "applied": "2026-12-08", "fit": LearnedWeights}`.
public struct LearnedFit: Sendable, Hashable, Codable {
    /// The fit's version (`LearnedWeights.version`): the same data give the same version.
    public var version: String
    /// The day it was learnt.
    public var learned: CalendarDate
    /// The day its weights were last applied; `nil` while never applied.
    public var applied: CalendarDate?
    /// The fit: its weights, what they came from and its held-out figures before and after.
    public var fit: LearnedWeights

    public init(learned: CalendarDate, applied: CalendarDate? = nil, fit: LearnedWeights) {
        self.version = fit.version
        self.learned = learned
        self.applied = applied
        self.fit = fit
    }
}

/// Where a service keeps the fits `weights.learn` makes, so they can be listed and applied
/// after a restart. A ``CommunityPersistence`` that also conforms keeps them; otherwise the
/// service keeps them in memory only.
public protocol LearnedWeightsPersistence: Sendable {
    /// Adds a fit, or replaces the one with the same version (keeping its first `learned` day).
    func save(fit: LearnedFit) throws
    /// Every stored fit.
    func loadFits() throws -> [LearnedFit]
}
