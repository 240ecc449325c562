import Foundation
import StitchEngine
import StitchModel
import StitchNetwork
import Synchronization

/// The community a daemon serves, and the engine over it.
///
/// An actor: reads take the engine in force (a value: a read in flight keeps its snapshot while
/// writes go on). A write of one record is checked against the community, stored (and committed)
/// through the ``CommunityPersistence`` when there is one, and only then applied to the engine in
/// place (``LiveCommunity/apply(_:)``): no rebuild per write, and a write that is refused or that the
/// store cannot take changes nothing. Loading a whole community builds a new engine.
///
/// **Rebuilds.** An edit does not refresh the learned skill similarity or the network model;
/// the service rebuilds the engine off the write path — once a tenth of the community has
/// changed (``LiveCommunity/needsRebuild``), or once writes have paused for ``quietPeriod`` — and
/// replays onto the new engine the writes that arrived while it was being built.
public actor StitchService {
    /// The community and its engine.
    ///
    /// Every change goes through here, and first withdraws the engine published to readers
    /// (``published``): an engine edited in place must not be shared, or the edit copies it.
    var live: LiveCommunity {
        _read { yield storedLive }
        _modify {
            withdrawSnapshot()
            yield &storedLive
        }
    }
    private var storedLive: LiveCommunity
    /// The engine in force as readers take it without waiting for the actor, once one has asked
    /// since the last change (see `StitchService+Snapshot.swift`).
    nonisolated let published = Mutex<EngineSnapshot?>(nil)
    /// The engine in force.
    var engine: Engine { live.engine }
    /// The recorded outcomes, in the order recorded (see `StitchService+Outcomes.swift`).
    var outcomes: [Outcome]
    let taxonomy: SkillTaxonomy
    private let persistence: (any CommunityPersistence)?
    /// Writes pause this long before the parts an edit leaves stale are rebuilt.
    public let quietPeriod: Duration
    /// Writes applied while a rebuild is in progress, to replay onto its result.
    private var pending: [CommunityChange] = []
    private var rebuilding = false
    /// Bumped by every whole replacement (a load), which a rebuild in progress must not undo.
    private var generation = 0
    private var lastWrite = ContinuousClock.now

    /// Serves a community (validated here).
    ///
    /// - Parameters:
    ///   - outcomes: the outcomes recorded so far (read back from the store); those naming a
    ///     member or activity not in `community` are dropped.
    ///   - persistence: where each write is stored before it is acknowledged; `nil` keeps the
    ///     community in memory only. The community and outcomes given here are not stored again.
    public init(
        community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration = EngineConfiguration(),
        outcomes: [Outcome] = [], persistence: (any CommunityPersistence)? = nil, quietPeriod: Duration = .seconds(1)
    ) throws(ValidationErrors) {
        self.outcomes = Self.resolvable(outcomes, in: community)
        self.taxonomy = taxonomy
        self.persistence = persistence
        self.quietPeriod = quietPeriod
        storedLive = try LiveCommunity(community: community, taxonomy: taxonomy, configuration: configuration)
    }

    /// The engine in force, for reads.
    public var currentEngine: Engine { engine }

    /// The community as it stands.
    var community: Community { live.community }

    /// True while writes since the last full build wait for a rebuild (see the type's notes).
    public var awaitsRebuild: Bool { live.editsSinceBuild > 0 }

    /// Replaces the whole community after validating it; the old one stays on any error.
    ///
    /// - Parameters:
    ///   - prefix: the params path of an inline community (`community`), or empty.
    ///   - write: what the write is (for the log), and how to store it once it is sound.
    func replace(
        with next: Community, prefix: String, storing write: (name: String, store: (any CommunityPersistence) throws -> Void)
    ) throws(RPCError) {
        let nextLive: LiveCommunity
        do {
            nextLive = try LiveCommunity(community: next, taxonomy: taxonomy, configuration: engine.configuration)
        } catch {
            let first = error.errors.first ?? ValidationError(field: "$", reason: "invalid")
            throw RPCError.invalidParams(first.inside(prefix))
        }
        try store(write)
        live = nextLive
        generation += 1
    }

    /// Checks one record's change, stores it, then applies it to the engine in place.
    ///
    /// - Parameter field: the params path of the record (`params.member`), for errors.
    func apply(
        _ change: CommunityChange, field: String, storing write: (name: String, store: (any CommunityPersistence) throws -> Void)
    ) throws(RPCError) {
        do {
            try live.check(change)
        } catch {
            let first = error.errors.first ?? ValidationError(field: "$", reason: "invalid")
            throw RPCError.invalidParams(first.inside(field))
        }
        try store(write)
        do {
            try live.apply(change)
        } catch {
            // Checked above against the same engine: cannot happen; never leave it half-applied.
            preconditionFailure("a checked change was refused: \(error.errors.count) problems")
        }
        if rebuilding { pending.append(change) }
        lastWrite = .now
        scheduleRebuild()
    }

    /// Starts a rebuild off the write path when one is due: at once past ``LiveCommunity/needsRebuild``,
    /// else after ``quietPeriod`` without writes.
    private func scheduleRebuild() {
        guard !rebuilding, live.editsSinceBuild > 0 else { return }
        rebuilding = true
        let due = live.needsRebuild
        Task.detached(priority: .utility) { [weak self, quietPeriod] in
            // Wait for writes to pause, holding the service only while asking (a service no
            // longer used goes away, and its store with it, without waiting for this).
            while !due, let last = await self?.lastWriteIfRecent(within: quietPeriod) {
                try? await Task.sleep(until: last + quietPeriod)
            }
            guard let snapshot = await self?.beginRebuild() else { return }
            let fresh = snapshot.live.rebuilt()
            await self?.finishRebuild(fresh, generation: snapshot.generation)
        }
    }

    private func lastWriteIfRecent(within period: Duration) -> ContinuousClock.Instant? {
        ContinuousClock.now - lastWrite < period ? lastWrite : nil
    }

    private func beginRebuild() -> (live: LiveCommunity, generation: Int) {
        pending = []
        return (live, generation)
    }

    private func finishRebuild(_ fresh: LiveCommunity, generation built: Int) {
        rebuilding = false
        guard built == generation else { return scheduleRebuild() }
        var next = fresh.configured(like: live)
        let replay = pending
        pending = []
        for change in replay {
            // Each was valid on the engine in force when it came, which held the same records in
            // the same order; should one not apply, keep the engine in force (it holds every
            // write) rather than swap in one that lacks a write.
            do {
                try next.apply(change)
            } catch {
                let line = "stitch: a background rebuild could not replay \(replay.count) writes; kept the engine in force\n"
                FileHandle.standardError.write(Data(line.utf8))
                return
            }
        }
        live = next
        scheduleRebuild()
    }

    /// Stores a sound write; a store failure is logged (without the request) and answered -32603.
    func store(_ write: (name: String, store: (any CommunityPersistence) throws -> Void)) throws(RPCError) {
        guard let persistence else { return }
        do {
            try write.store(persistence)
        } catch {
            let line = "stitch: could not store \(write.name); nothing was changed: \(error)\n"
            FileHandle.standardError.write(Data(line.utf8))
            throw RPCError(.internalError, "Internal error: the change could not be stored, so nothing was changed")
        }
    }

    func load(_ params: MethodParams.Load) throws(RPCError) -> MethodResults.Loaded {
        let next: Community
        if let inline = params.community {
            next = inline
            try replace(with: next, prefix: "community", storing: ("community.load", { try $0.replaceAll(next) }))
        } else if let path = params.path {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw RPCError(.invalidParams, "Cannot read the file", field: "params.path", reason: "cannot read '\(path)'")
            }
            do { next = try JSONDecoder().decode(Community.self, from: data) } catch let error as DecodingError {
                let v = ValidationError(error)
                throw RPCError(.invalidParams, "The community file is not valid", field: "params.path", reason: "\(v.field): \(v.reason)")
            } catch {
                throw RPCError(.invalidParams, "The community file is not JSON", field: "params.path", reason: "not valid JSON")
            }
            try replace(with: next, prefix: "", storing: ("community.load", { try $0.replaceAll(next) }))
        } else {
            throw RPCError(.invalidParams, "Invalid params", field: "params", reason: "give `path` or `community`")
        }
        pruneOutcomes()
        return .init(members: next.members.count, activities: next.activities.count, exchanges: next.exchanges.count, attendance: next.attendance.count)
    }

    /// -32001 at `params.<field>` unless `id` names a member (the same answer as a query's).
    private func requireMember(_ id: String, at field: String) throws(RPCError) {
        guard engine.contains(member: id) else { throw .query(.unknownMember(field: field, id: id)) }
    }

    /// -32002 at `params.<field>` unless `id` names an activity.
    private func requireActivity(_ id: String, at field: String) throws(RPCError) {
        guard engine.contains(activity: id) else { throw .query(.unknownActivity(field: field, id: id)) }
    }

    func upsert(member: Member) throws(RPCError) -> MethodResults.ID {
        try apply(.upsertMember(member), field: "member", storing: ("member.upsert", { try $0.upsert(member: member) }))
        return .init(id: member.id)
    }

    func removeMember(_ id: String) throws(RPCError) -> MethodResults.ID {
        try requireMember(id, at: "id")
        try apply(.removeMember(id: id), field: "", storing: ("member.remove", { try $0.remove(memberID: id) }))
        pruneOutcomes()
        return .init(id: id)
    }

    func upsert(activity: Activity) throws(RPCError) -> MethodResults.ID {
        try apply(.upsertActivity(activity), field: "activity", storing: ("activity.upsert", { try $0.upsert(activity: activity) }))
        return .init(id: activity.id)
    }

    func removeActivity(_ id: String) throws(RPCError) -> MethodResults.ID {
        try requireActivity(id, at: "id")
        try apply(.removeActivity(id: id), field: "", storing: ("activity.remove", { try $0.remove(activityID: id) }))
        pruneOutcomes()
        return .init(id: id)
    }

    func record(exchange: Exchange) throws(RPCError) -> MethodResults.Balances {
        try requireMember(exchange.giver, at: "exchange.giver")
        try requireMember(exchange.receiver, at: "exchange.receiver")
        try apply(.recordExchange(exchange), field: "exchange", storing: ("exchange.record", { try $0.record(exchange: exchange) }))
        let giver = engine.balance(of: exchange.giver) ?? 0, receiver = engine.balance(of: exchange.receiver) ?? 0
        return .init(giver: .init(id: exchange.giver, balance: giver), receiver: .init(id: exchange.receiver, balance: receiver))
    }

    func record(attendance: Attendance) throws(RPCError) -> EmptyResult {
        try requireMember(attendance.member, at: "attendance.member")
        try requireActivity(attendance.activity, at: "attendance.activity")
        try apply(.recordAttendance(attendance), field: "attendance", storing: ("attendance.record", { try $0.record(attendance: attendance) }))
        return EmptyResult()
    }

    func weights(_ params: MethodParams.Weights, set: Bool) throws(RPCError) -> MethodResults.Weights {
        let profile = params.profile ?? .broker
        if set {
            guard let weights = params.weights else {
                throw RPCError(.invalidParams, "Invalid params", field: "params.weights", reason: "is required")
            }
            let validated: FactorWeights
            do {
                validated = try weights.validatedAsWeights(field: "weights")
            } catch {
                throw RPCError.query(error)
            }
            try store(("weights.set", { try $0.setWeights(profile: profile, weights: weights) }))
            live.reweight(validated, for: profile)
        }
        return .init(profile: profile, weights: engine.configuration.weights(for: profile))
    }

    /// The spectral analysis of the community's network (computed on request).
    func analyseNetwork(_ params: MethodParams.Network) throws(RPCError) -> NetworkAnalysis {
        var options = NetworkOptions()
        options.communities.k = params.k
        do {
            return try CommunityNetwork(community: community, options: options).analysis()
        } catch {
            throw RPCError(.internalError, "Internal error: the network analysis failed")
        }
    }

    func health() -> MethodResults.Health {
        .init(status: "ok", members: engine.memberCount, activities: engine.activityCount, referenceDate: engine.referenceDate.description,
            rebuildPending: live.editsSinceBuild > 0)
    }
}
