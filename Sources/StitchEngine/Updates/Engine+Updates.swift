public import StitchModel

/// A community and the engine over it, edited together: what a daemon serves.
///
/// The engine answers queries from its compiled index; this value also keeps the community's
/// records (which a removal needs, and a rebuild starts from), the count of edits since the
/// last full build and what has changed in the network since the bridging model was built.
/// An ``Engine`` alone keeps no records, so a library user who only queries pays only for the
/// index (docs/performance.md, memory per member).
///
/// ```swift
/// var live = try LiveCommunity(community: community, taxonomy: taxonomy)
/// try live.apply(.recordExchange(Exchange(giver: "m-jade", receiver: "m-vera", hours: 2, date: today)))
/// let ranking = try live.engine.whoCanHelp(HelpRequest(requester: "m-vera", skill: "shopping"))
/// if live.needsRebuild { live = live.rebuilt() }
/// ```
public struct LiveCommunity: Sendable {
    /// The engine in force.
    public private(set) var engine: Engine
    /// The records the index was compiled from, kept in step with every edit.
    var records: CommunityRecords
    /// Records written since the last full build (see ``needsRebuild``).
    public private(set) var editsSinceBuild = 0
    /// What has changed in the network since the bridging model was built.
    var freshness: BridgingFreshness

    /// Validates and compiles a community (see ``Engine/init(community:taxonomy:configuration:)``).
    public init(
        community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration = EngineConfiguration(),
        meaning: MeaningModel? = nil
    ) throws(ValidationErrors) {
        engine = try Engine(community: community, taxonomy: taxonomy, configuration: configuration, meaning: meaning)
        records = CommunityRecords(community, memberIndex: engine.index.memberIndex)
        freshness = engine.bridgingFreshness()
    }

    private var index: CommunityIndex {
        get { engine.index }
        _modify { yield &engine.index }
    }

    /// The community as it stands after every applied change.
    public var community: Community { records.community }

    /// Checks one change against the community and applies it in place.
    ///
    /// The engine's indexes are edited, not rebuilt: a write costs about the size of the
    /// records it touches (a member's skills, an activity's attendees). Two things are not
    /// refreshed by an edit and wait for the next full build (``needsRebuild``, ``rebuilt()``):
    /// the learned skill similarity and the network model behind the bridging factor. A change
    /// dated after the engine's reference date moves "today", which shifts every recency and
    /// load, so that change rebuilds the engine at once (at most once a day in live use).
    ///
    /// - Throws: ``ValidationErrors`` (fields relative to the record, such as `avoid[0]` or
    ///   `giver`) when the change does not fit the community; the engine is then unchanged.
    public mutating func apply(_ change: CommunityChange) throws(ValidationErrors) {
        let errors = problems(with: change)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        switch change {
        case .upsertMember(let member):
            if let slot = index.memberIndex[member.id] {
                records.members[Int(slot)] = member
            } else {
                records.appendMember(member)
            }
            index.upsert(member: member)
        case .removeMember(let id):
            guard let slot = index.memberIndex[id] else { return }
            for p in index.avoid[Int(slot)] { records.members[Int(p)]?.avoid.removeAll { $0 == id } }
            // One pass over the exchanges: theirs leave the records (and the ledger, below).
            var theirs: [Exchange] = []
            records.exchanges.removeAll { x in
                guard x.giver == id || x.receiver == id else { return false }
                theirs.append(x)
                if let xid = x.id { records.exchangeIDs.remove(xid) }
                return true
            }
            records.attendance.removeAll { $0.member == id }
            // Ledger entries naming them leave whole, so every account's balances still sum to zero.
            var leaving: [LedgerEntry] = []
            records.ledger.removeAll { entry in
                guard entry.from.contains(id) || entry.to.contains(id) else { return false }
                leaving.append(entry)
                return true
            }
            for entry in leaving {
                index.record(entry: entry, sign: -1)
                if let eid = entry.id { records.ledgerIDs.remove(eid) }
            }
            index.ledger.forgetAccounts(of: Int(slot))
            records.members[Int(slot)] = nil
            index.remove(member: slot, exchanges: theirs)
        case .upsertActivity(let activity):
            if let slot = index.activityIndex[activity.id] {
                records.activities[Int(slot)] = activity
            } else {
                records.activities.append(activity)
            }
            index.upsert(activity: activity)
        case .removeActivity(let id):
            guard let slot = index.activityIndex[id] else { return }
            records.attendance.removeAll { $0.activity == id }
            records.activities[Int(slot)] = nil
            index.remove(activity: slot)
        case .recordExchange(let exchange):
            freshness.record(exchange)
            records.exchanges.append(exchange)
            if let id = exchange.id { records.exchangeIDs.insert(id) }
            index.record(exchange: exchange)
        case .recordAttendance(let attendance):
            if let a = index.activityIndex[attendance.activity] {
                let others = index.attendees[Int(a)].map { index.members.ids[Int($0)] }
                freshness.recordAttendance(of: attendance.member, joining: others)
            }
            records.attendance.append(attendance)
            index.record(attendance: attendance)
        case .recordLedgerEntry(let entry):
            records.ledger.append(entry)
            if let id = entry.id { records.ledgerIDs.insert(id) }
            index.record(entry: entry)
        case .addAccount(let account):
            records.accounts.append(account)
            index.add(account: account)
        }
        editsSinceBuild += 1
        if index.configuration.referenceDate == nil, let date = change.date, date > index.today {
            self = rebuilt()
        }
    }

    /// Checks a change without applying it (what ``apply(_:)`` checks first).
    ///
    /// - Throws: ``ValidationErrors`` with fields relative to the record.
    public func check(_ change: CommunityChange) throws(ValidationErrors) {
        let errors = problems(with: change)
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }

    /// What is wrong with a change in this community; empty when it can be applied.
    func problems(with change: CommunityChange) -> [ValidationError] {
        let isMember = { (id: String) in index.memberIndex[id] != nil }
        let nearestMember = { (id: String) in engine.nearestMemberID(to: id) }
        let nearestActivity = { (id: String) in engine.nearestActivityID(to: id) }
        switch change {
        case .upsertMember(let member) where !isMember(member.id) && index.ledgerAccounts[member.id] != nil:
            return [.init(field: "id", reason: "'\(member.id)' is a ledger account's id (ledger.account.list); give the member another id")]
        case .upsertMember(let member):
            return member.boundErrors()
                + member.referenceErrors(isMember: { isMember($0) || $0 == member.id }, nearestMember: nearestMember)
        case .removeMember(let id):
            return isMember(id) ? [] : [.unknownID("member", id, field: "id", nearest: nearestMember)]
        case .upsertActivity(let activity):
            return activity.boundErrors() + activity.placeErrors()
        case .removeActivity(let id):
            return index.activityIndex[id] != nil ? [] : [.unknownID("activity", id, field: "id", nearest: nearestActivity)]
        case .recordExchange(let exchange):
            var errors = exchange.boundErrors()
            if let id = exchange.id, records.exchangeIDs.contains(id) { errors.append(Exchange.duplicateIDError(id)) }
            return errors + exchange.referenceErrors(isMember: isMember, nearestMember: nearestMember)
        case .recordLedgerEntry(let entry):
            var errors = entry.boundErrors()
            if let id = entry.id, records.ledgerIDs.contains(id) { errors.append(LedgerEntry.duplicateIDError(id)) }
            guard errors.isEmpty else { return errors }
            return engine.ledgerRules.referenceErrors(of: entry, nearestMember: nearestMember)
        case .addAccount(let account):
            var errors = account.boundErrors()
            if isMember(account.id) || index.ledgerAccounts[account.id] != nil {
                errors.append(LedgerAccount.takenIDError(account.id, byMember: isMember(account.id)))
            }
            return errors
        case .recordAttendance(let attendance):
            return attendance.boundErrors()
                + attendance.referenceErrors(
                    isMember: isMember, isActivity: { index.activityIndex[$0] != nil }, nearestMember: nearestMember,
                    nearestActivity: nearestActivity)
        }
    }

    /// True when enough has changed since the last full build that the parts an edit does not
    /// refresh (learned skill similarity, the network model) or the vacant slots of removed
    /// records are worth a rebuild: edits past a tenth of the community (at least 256), or the
    /// network changed past the bridging model's recompute policy (``BridgingFreshness``: 5% of
    /// the tie weight, or 2% of members with a first tie).
    public var needsRebuild: Bool {
        editsSinceBuild >= max(256, (index.members.count + index.activities.count) / 10) || freshness.isDue
    }

    /// What has changed in the network since this engine's bridging model was built.
    public var networkChanges: BridgingFreshness { freshness }

    /// A fresh build of the same community and configuration: compacts vacant slots and
    /// refreshes the learned skill similarity and the network model.
    public func rebuilt() -> LiveCommunity {
        var live = self
        let community = records.community
        live.engine.index = CommunityIndex(
            community: community, taxonomy: index.vocabulary.taxonomy, configuration: index.configuration, meaning: index.skills.meaning?.model)
        live.records = CommunityRecords(community, memberIndex: live.engine.index.memberIndex)
        live.editsSinceBuild = 0
        live.freshness = live.engine.bridgingFreshness()
        return live
    }

    /// The same community with the engine's weights for one profile replaced (no rebuild).
    public mutating func reweight(_ weights: FactorWeights, for profile: ScoringProfile) {
        engine = engine.reweighted(weights, for: profile)
    }

    /// The same community with the weights of `other` (a rebuild keeps weights set meanwhile).
    public func configured(like other: LiveCommunity) -> LiveCommunity {
        var live = self
        live.engine.index.configuration.weights = other.engine.index.configuration.weights
        return live
    }

}

extension Engine {
    /// True when `id` names a member.
    public func contains(member id: String) -> Bool { index.memberIndex[id] != nil }

    /// The rules that read ledger entries among this engine's members and accounts.
    public var ledgerRules: LedgerRules {
        let members = index.memberIndex
        return LedgerRules(accounts: Array(index.ledgerAccounts.values), isMember: { members[$0] != nil })
    }

    /// True when `id` names an activity.
    public func contains(activity id: String) -> Bool { index.activityIndex[id] != nil }

    /// The same engine with other weights for one profile (no rebuild: weights are read per query).
    public func reweighted(_ weights: FactorWeights, for profile: ScoringProfile) -> Engine {
        var engine = self
        engine.index.configuration.weights[profile] = weights
        return engine
    }

    /// A member's time credits (hours given, minus help and activities paid for, plus credits
    /// donated to them, minus credits they donated; docs/ledger.md), if they are a member.
    public func balance(of memberID: String) -> Double? {
        index.memberIndex[memberID].map { index.ledger.balance(Int($0)) }
    }
}
