public import StitchEngine
public import StitchModel

/// The engine in force and the `server.health` answer it gives, shared by every read until the
/// community next changes.
///
/// A class, so that handing it to a read costs one reference count rather than a copy of the
/// engine's many parts.
public final class EngineSnapshot: Sendable {
    /// The engine in force.
    public let engine: Engine
    /// The `server.health` answer for this engine, but for the DBS checks listed, which depend
    /// on the day.
    private let counts: MethodResults.Health
    /// The broker's dismissals when it was taken, every one (judged per query by ``engine(on:)``).
    public let dismissals: [Dismissal]
    /// The engine with the asks weighed and the pairings judged as of ``judgedDay``, and what
    /// they were judged from, for a query of another day.
    private let judgedToday: Engine
    private let judgedDay: CalendarDate
    private let asks: [Ask]
    private let exchanges: [Exchange]
    private let pairings: [Pairing]

    init(
        engine: Engine, health: MethodResults.Health, dismissals: [Dismissal] = [], asks: [Ask] = [], exchanges: [Exchange] = [],
        pairings: [Pairing] = [], day: CalendarDate = StitchService.today()
    ) {
        self.engine = engine
        self.counts = health
        self.dismissals = dismissals
        self.asks = asks
        self.exchanges = asks.isEmpty ? [] : exchanges
        self.pairings = pairings
        judgedDay = day
        judgedToday = StitchService.judged(engine, asks: asks, exchanges: exchanges, pairings: pairings, dismissals: [], on: day)
    }

    /// The `server.health` answer for this engine today: the DBS checks expiring are worked out
    /// on each call, so a daemon left running for days lists them as of the day asked.
    public var health: MethodResults.Health {
        var health = counts
        health.dbsExpiring = engine.dbsExpiring(on: StitchService.today(), within: StitchService.dbsNoticeDays)
        return health
    }

    /// The engine honouring the asks, pairings and dismissals as of `day` (today when not given).
    public func engine(on day: CalendarDate? = nil) -> Engine {
        let day = day ?? StitchService.today()
        let base = day == judgedDay
            ? judgedToday : StitchService.judged(engine, asks: asks, exchanges: exchanges, pairings: pairings, dismissals: [], on: day)
        return dismissals.isEmpty ? base : base.judgingDismissals(dismissals, on: day)
    }
}

extension StitchService {
    /// The engine in force, for a read: taken without a hop onto the actor when it was published
    /// since the last change, else published now.
    ///
    /// A read that overlaps a write may see the engine from before it (as a read that started
    /// first would); one that starts after a write has returned sees the write.
    public nonisolated func snapshot() async -> EngineSnapshot {
        if let snapshot = published.withLock({ $0 }) { return snapshot }
        return await publishSnapshot()
    }

    private func publishSnapshot() -> EngineSnapshot {
        if let snapshot = published.withLock({ $0 }) { return snapshot }
        let snapshot = EngineSnapshot(
            engine: engine, health: health(), dismissals: dismissals, asks: asksWeighed, exchanges: community.exchanges, pairings: pairings)
        published.withLock { $0 = snapshot }
        return snapshot
    }

    /// Stops handing out the published engine (before the community changes).
    func withdrawSnapshot() {
        published.withLock { $0 = nil }
    }
}
