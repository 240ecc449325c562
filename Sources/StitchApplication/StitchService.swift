import Foundation
import Logging
public import StitchEngine
public import StitchModel
public import StitchNetwork
import Synchronization

/// Stitch's use cases — queries, writes, referrals, planning, weights — over the community a
/// daemon serves and the engine over it: the one application layer every interface (JSON-RPC,
/// HTTP, the CLI) calls.
///
/// An actor: reads take the engine in force (a value: a read in flight keeps its snapshot while
/// writes go on). A write of one record is validated completely (every field within the bounds
/// the engine can represent, every reference resolved), applied to the engine in place
/// (``LiveCommunity/apply(_:)``: no rebuild per write), and only then committed through the
/// ``CommunityPersistence`` when there is one and published to readers. So a write that could
/// not be applied is never stored; a write the store cannot take is undone by reloading what the
/// store holds. Loading a whole community builds a new engine before anything is stored.
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
    /// The broker's dismissals, one per subject and candidate (see `StitchService+Dismissals.swift`).
    var dismissals: [Dismissal]
    /// The asks of helpers kept, and the ongoing pairings (see `StitchService+Asks.swift` and
    /// `StitchService+Pairings.swift`).
    var asks: [Ask]
    var pairings: [Pairing]
    /// The referral records by id (see `StitchService+Referrals.swift`).
    var referrals: [String: ReferralRecord]
    /// The weight fits `weights.learn` made, by version; read from the store when first needed
    /// (see `StitchService+Learning.swift`).
    var learnedFits: [String: LearnedFit]?
    /// When each referral status needs a call.
    public let followUp: FollowUpPolicy
    let taxonomy: SkillTaxonomy
    let persistence: (any CommunityPersistence)?
    /// Which files `community.load {"path"}` may read.
    public let loadPolicy: LoadPolicy
    /// Whether words are matched by meaning, and the note every answer carries when they are not.
    public nonisolated let meaning: MeaningSetup
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
    ///   - referrals: the referral records kept so far (read back from the store).
    ///   - followUp: when each referral status needs a call.
    ///   - dismissals: the dismissals kept so far (read back from the store); those naming a
    ///     subject or candidate not in `community` (or the referrals) are dropped.
    public init(
        community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration = EngineConfiguration(),
        outcomes: [Outcome] = [], persistence: (any CommunityPersistence)? = nil, loadPolicy: LoadPolicy = .denied,
        meaning: MeaningSetup = .none, quietPeriod: Duration = .seconds(1), referrals: [ReferralRecord] = [],
        followUp: FollowUpPolicy = .standard, dismissals: [Dismissal] = [], asks: [Ask] = [], pairings: [Pairing] = []
    ) throws(ValidationErrors) {
        self.outcomes = Self.resolvable(outcomes, in: community)
        (self.asks, self.pairings) = Self.resolvable(asks: asks, pairings: pairings, in: community, referrals: referrals)
        self.dismissals = Self.resolvable(dismissals, in: community, referrals: referrals)
        self.referrals = Dictionary(referrals.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        self.followUp = followUp
        self.taxonomy = taxonomy
        self.persistence = persistence
        self.loadPolicy = loadPolicy
        self.meaning = meaning
        self.quietPeriod = quietPeriod
        storedLive = try LiveCommunity(community: community, taxonomy: taxonomy, configuration: configuration, meaning: meaning.model)
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
    ) throws(ServiceError) {
        let nextLive: LiveCommunity
        do {
            nextLive = try LiveCommunity(community: next, taxonomy: taxonomy, configuration: engine.configuration, meaning: meaning.model)
        } catch {
            throw ServiceError.invalidParams(error.errors, inside: prefix)
        }
        try store(write)
        live = nextLive
        generation += 1
    }

    /// Validates one record's change, applies it to the engine in place, then stores it; a
    /// store failure puts back the stored state.
    ///
    /// The change is applied before it is committed, so a change the engine cannot take is
    /// never stored, and a restart never meets it. Readers see it only once it is committed
    /// (the published engine is withdrawn first, and the actor is not left in between).
    ///
    /// - Parameter field: the params path of the record (`member`), for errors.
    func apply(
        _ change: CommunityChange, field: String, storing write: (name: String, store: (any CommunityPersistence) throws -> Void)
    ) throws(ServiceError) {
        do {
            try live.check(change)
        } catch {
            throw ServiceError.invalidParams(error.errors, inside: field)
        }
        do {
            try live.apply(change)
        } catch {
            // Checked above against the same engine, and apply checks before it edits: nothing changed.
            throw ServiceError.invalidParams(error.errors, inside: field)
        }
        do {
            try store(write)
        } catch {
            restoreFromStore()
            throw error
        }
        if rebuilding { pending.append(change) }
        lastWrite = .now
        scheduleRebuild()
    }

    /// After a write the store refused: the engine over what the store holds (the write was
    /// applied in memory but not committed). Should the store not be readable either, the engine
    /// keeps the write and the next start reads the store as it is.
    private func restoreFromStore() {
        guard let persistence else { return }
        do {
            let stored = try persistence.loadCommunity()
            var restored = try LiveCommunity(community: stored, taxonomy: taxonomy, configuration: engine.configuration, meaning: meaning.model)
            restored = restored.configured(like: live)
            live = restored
            generation += 1
            pruneOutcomes()
            pruneDismissals()
            pruneAsks()
        } catch {
            Self.log("could not reload the store after a failed write; the engine holds one uncommitted write")
        }
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
            let start = ContinuousClock.now
            let fresh = snapshot.live.rebuilt()
            ServiceMetrics.rebuild(duration: .now - start)
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
                Self.log("a background rebuild could not replay \(replay.count) writes; kept the engine in force")
                return
            }
        }
        live = next
        scheduleRebuild()
    }

    /// Stores a sound write; a store failure is logged (without the request) and answered -32603.
    func store(_ write: (name: String, store: (any CommunityPersistence) throws -> Void)) throws(ServiceError) {
        guard let persistence else { return }
        let start = ContinuousClock.now
        do {
            try write.store(persistence)
            ServiceMetrics.storeWrite(write.name, duration: .now - start, failed: false)
        } catch {
            ServiceMetrics.storeWrite(write.name, duration: .now - start, failed: true)
            Self.log("could not store \(write.name); nothing was changed: \(error)")
            throw ServiceError(.internalError, "Internal error: the change could not be stored, so nothing was changed")
        }
    }

    /// One line for the operator, through swift-log (`stitch.service`): ids and counts only, never
    /// personal data. What it reports are failures the caller was answered about, so `warning`.
    nonisolated static func log(_ message: String) {
        Logger(label: "stitch.service").warning("\(message)")
    }

    /// `community.load`: replaces the whole community, given inline or as a file the
    /// ``loadPolicy`` allows; a community with problems is refused with every problem.
    ///
    /// The file's `pairings` (``CommunityFile``) are checked against the new community like
    /// `pairing.start` checks one (dated the same way when they leave out their days), stored
    /// with it in one write when the store keeps pairings, and then kept, each replacing the
    /// pairing of the same person and kind; the pairings kept before stay while they resolve.
    public func load(_ params: MethodParams.Load) throws(ServiceError) -> MethodResults.Loaded {
        let file: CommunityFile
        let prefix: String
        if let inline = params.community {
            (file, prefix) = (CommunityFile(community: inline, pairings: params.pairings), "community")
        } else if let path = params.path {
            (file, prefix) = (try loadPolicy.community(at: path), "")
        } else {
            throw ServiceError(.invalidParams, "Invalid params", field: "params", reason: "give `path` or `community`")
        }
        let next = file.community
        let incoming: [Pairing]
        do {
            incoming = try Self.pairings(of: file, people: Set(referrals.values.map(\.person.id)))
        } catch {
            throw ServiceError.invalidParams(error.errors, inside: prefix)
        }
        try replace(
            with: next, prefix: prefix,
            storing: (
                "community.load",
                { store in
                    if !incoming.isEmpty, let keeper = store as? any AskPersistence {
                        try keeper.replaceAll(next, pairings: incoming)
                    } else {
                        try store.replaceAll(next)
                    }
                }
            ))
        pruneOutcomes()
        pruneDismissals()
        pruneAsks()
        for pairing in incoming { keep(pairing) }
        withdrawSnapshot()
        return .init(members: next.members.count, activities: next.activities.count, exchanges: next.exchanges.count, attendance: next.attendance.count)
    }

    /// -32001 at `params.<field>` unless `id` names a member (the same answer as a query's).
    private func requireMember(_ id: String, at field: String) throws(ServiceError) {
        guard engine.contains(member: id) else { throw .query(.unknownMember(field: field, id: id), engine: engine) }
    }

    /// -32002 at `params.<field>` unless `id` names an activity.
    private func requireActivity(_ id: String, at field: String) throws(ServiceError) {
        guard engine.contains(activity: id) else { throw .query(.unknownActivity(field: field, id: id), engine: engine) }
    }

    /// `member.upsert`: adds a member or replaces the one with the same id.
    public func upsert(member: Member) throws(ServiceError) -> MethodResults.ID {
        try apply(.upsertMember(member), field: "member", storing: ("member.upsert", { try $0.upsert(member: member) }))
        return .init(id: member.id)
    }

    /// `member.remove`: removes a member with their exchanges, attendance and outcomes.
    public func removeMember(_ id: String) throws(ServiceError) -> MethodResults.ID {
        try requireMember(id, at: "id")
        try apply(.removeMember(id: id), field: "", storing: ("member.remove", { try $0.remove(memberID: id) }))
        pruneOutcomes()
        pruneDismissals()
        pruneAsks()
        return .init(id: id)
    }

    /// `activity.upsert`: adds an activity or replaces the one with the same id.
    public func upsert(activity: Activity) throws(ServiceError) -> MethodResults.ID {
        try apply(.upsertActivity(activity), field: "activity", storing: ("activity.upsert", { try $0.upsert(activity: activity) }))
        return .init(id: activity.id)
    }

    /// `activity.remove`: removes an activity with its attendance and outcomes.
    public func removeActivity(_ id: String) throws(ServiceError) -> MethodResults.ID {
        try requireActivity(id, at: "id")
        try apply(.removeActivity(id: id), field: "", storing: ("activity.remove", { try $0.remove(activityID: id) }))
        pruneOutcomes()
        pruneDismissals()
        pruneAsks()
        return .init(id: id)
    }

    /// `exchange.record`: an exchange of time, answered with both members' balances.
    public func record(exchange: Exchange) throws(ServiceError) -> MethodResults.Balances {
        try requireMember(exchange.giver, at: "exchange.giver")
        try requireMember(exchange.receiver, at: "exchange.receiver")
        try apply(.recordExchange(exchange), field: "exchange", storing: ("exchange.record", { try $0.record(exchange: exchange) }))
        let giver = engine.balance(of: exchange.giver) ?? 0, receiver = engine.balance(of: exchange.receiver) ?? 0
        return .init(giver: .init(id: exchange.giver, balance: giver), receiver: .init(id: exchange.receiver, balance: receiver))
    }

    /// `attendance.record`: a member attended an activity.
    public func record(attendance: Attendance) throws(ServiceError) -> EmptyResult {
        try requireMember(attendance.member, at: "attendance.member")
        try requireActivity(attendance.activity, at: "attendance.activity")
        try apply(.recordAttendance(attendance), field: "attendance", storing: ("attendance.record", { try $0.record(attendance: attendance) }))
        closeTheLoop(on: attendance)
        return EmptyResult()
    }

    /// `weights.get` (`set` false) and `weights.set`: a profile's weights, validated, applied,
    /// then stored (a store failure puts the old weights back).
    public func weights(_ params: MethodParams.Weights, set: Bool) throws(ServiceError) -> MethodResults.Weights {
        let profile = params.profile ?? .broker
        if set {
            guard let weights = params.weights else {
                throw ServiceError(.invalidParams, "Invalid params", field: "params.weights", reason: "is required")
            }
            let validated: FactorWeights
            do {
                validated = try weights.validatedAsWeights(field: "weights")
            } catch {
                throw ServiceError.query(error)
            }
            try reweight(validated, for: profile, storing: "weights.set")
        }
        return .init(profile: profile, weights: engine.configuration.weights(for: profile))
    }

    /// Applies a profile's weights, then stores them; a store failure puts the old ones back.
    func reweight(_ weights: FactorWeights, for profile: ScoringProfile, storing name: String) throws(ServiceError) {
        let previous = engine.configuration.weights(for: profile)
        live.reweight(weights, for: profile)
        do {
            try store((name, { try $0.setWeights(profile: profile, weights: weights) }))
        } catch {
            live.reweight(previous, for: profile)
            throw error
        }
    }

    /// `network.analyse`: the analysis of the community's network (computed on request).
    public func analyseNetwork(_ params: MethodParams.Network) throws(ServiceError) -> NetworkAnalysis {
        let community = self.community
        let network = try Self.networkModel(of: community, params)
        var analysis = network.analysis()
        if let pictures = params.pictures {
            analysis.pictures = try Self.pictures(of: network, members: community.members, pictures)
        }
        return analysis
    }

    /// The pictures `network.analyse` draws on request (and `stitch network` renders): a
    /// community number the network does not have is refused at its place in
    /// `params.pictures.communities`.
    public static func pictures(
        of network: CommunityNetwork, members: [Member], _ request: MethodParams.Network.Pictures
    ) throws(ServiceError) -> NetworkPictures {
        for (i, c) in request.communities.enumerated() {
            if let problem = NetworkPictures.unknownCommunity(c, in: network) {
                throw ServiceError(.invalidParams, "Invalid params", field: "params.pictures.communities[\(i)]", reason: problem)
            }
        }
        return NetworkPictures(
            network: network, members: members, overview: request.overview, communities: request.communities, names: request.names)
    }

    /// The network model `network.analyse` answers from, for interfaces that also draw it
    /// (`stitch network`): the params checked as the decoder checks them, then the model.
    public static func networkModel(
        of community: Community, _ params: MethodParams.Network
    ) throws(ServiceError) -> CommunityNetwork {
        var options = NetworkOptions()
        if let resolution = params.resolution {
            if let problem = MethodParams.Network.problem(resolution: resolution) {
                throw ServiceError(.invalidParams, "Invalid params", field: "params.resolution", reason: problem)
            }
            options.communities.resolution = resolution
        }
        if let months = params.isolationMonths {
            if let problem = MethodParams.Network.problem(isolationMonths: months) {
                throw ServiceError(.invalidParams, "Invalid params", field: "params.isolationMonths", reason: problem)
            }
            options.isolationMonths = months
        }
        do {
            return try CommunityNetwork(community: community, options: options)
        } catch {
            throw ServiceError(.internalError, "Internal error: the network analysis failed")
        }
    }

    /// `server.health`: counts, whether a rebuild is pending, and the DBS checks expired or
    /// expiring within ``dbsNoticeDays`` days of today.
    public func health() -> MethodResults.Health {
        .init(status: "ok", members: engine.memberCount, activities: engine.activityCount, referenceDate: engine.referenceDate.description,
            rebuildPending: live.editsSinceBuild > 0, meaning: engine.matchesByMeaning ? "on" : "off",
            notes: meaning.note.map { [$0] } ?? [],
            dbsExpiring: engine.dbsExpiring(on: Self.today(), within: Self.dbsNoticeDays))
    }

    /// How many days ahead `server.health` looks for DBS checks about to expire.
    public static let dbsNoticeDays = 30
}
