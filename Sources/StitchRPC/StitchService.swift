import Foundation
import StitchEngine
import StitchModel
import StitchNetwork

/// The community a daemon serves, and the engine over it.
///
/// An actor: reads see one consistent engine; each write builds the next community, validates
/// it whole, and swaps the engine only when it is sound, so a bad write never loses data.
/// With a ``CommunityPersistence``, each sound write is also stored (and committed) before it
/// is applied and acknowledged; a write the store refuses changes nothing and answers -32603.
public actor StitchService {
    private(set) var community: Community
    private(set) var engine: Engine
    /// The recorded outcomes, in the order recorded (see `StitchService+Outcomes.swift`).
    var outcomes: [Outcome]
    let taxonomy: SkillTaxonomy
    private var configuration: EngineConfiguration
    private let persistence: (any CommunityPersistence)?

    /// Serves a community (validated here).
    ///
    /// - Parameters:
    ///   - outcomes: the outcomes recorded so far (read back from the store); those naming a
    ///     member or activity not in `community` are dropped.
    ///   - persistence: where each write is stored before it is acknowledged; `nil` keeps the
    ///     community in memory only. The community and outcomes given here are not stored again.
    public init(
        community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration = EngineConfiguration(),
        outcomes: [Outcome] = [], persistence: (any CommunityPersistence)? = nil
    ) throws(ValidationErrors) {
        self.community = community
        self.outcomes = Self.resolvable(outcomes, in: community)
        self.taxonomy = taxonomy
        self.configuration = configuration
        self.persistence = persistence
        engine = try Engine(community: community, taxonomy: taxonomy, configuration: configuration)
    }

    /// The engine in force, for reads.
    public var currentEngine: Engine { engine }

    /// Replaces the community after validating the new one; the old one stays on any error.
    ///
    /// - Parameters:
    ///   - prefix: the params path of an inline community (`community`), or empty.
    ///   - record: for a write of one record, where it sits (`members[12]`) and its params path
    ///     (`member`), so an error in it is reported at `params.member.…`.
    ///   - nextConfiguration: the configuration to apply with it (`weights.set`); default: unchanged.
    ///   - write: what the write is (for the log), and how to store it once it is sound.
    func replace(
        with next: Community, prefix: String, record: (path: String, name: String)? = nil,
        configuration nextConfiguration: EngineConfiguration? = nil,
        storing write: (name: String, store: (any CommunityPersistence) throws -> Void)
    ) throws(RPCError) {
        let nextConfiguration = nextConfiguration ?? configuration
        let nextEngine: Engine
        do {
            nextEngine = try Engine(community: next, taxonomy: taxonomy, configuration: nextConfiguration)
        } catch {
            let first = error.errors.first ?? ValidationError(field: "$", reason: "invalid")
            var field = prefix.isEmpty ? first.field : "\(prefix).\(first.field)"
            if let record, first.field.hasPrefix(record.path + ".") {
                field = record.name + first.field.dropFirst(record.path.count)
            }
            throw RPCError.invalidParams(ValidationError(field: field, reason: first.reason))
        }
        try store(write)
        engine = nextEngine
        community = next
        configuration = nextConfiguration
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

    func upsert(member: Member) throws(RPCError) -> MethodResults.ID {
        var next = community
        let i = next.members.upsert(member)
        try replace(
            with: next, prefix: "", record: ("members[\(i)]", "member"),
            storing: ("member.upsert", { try $0.upsert(member: member) }))
        return .init(id: member.id)
    }

    func removeMember(_ id: String) throws(RPCError) -> MethodResults.ID {
        guard community.members.contains(where: { $0.id == id }) else {
            throw RPCError(.unknownMember, "Unknown member id", field: "params.id", reason: "unknown member id '\(id)'")
        }
        var next = community
        next.members.removeAll { $0.id == id }
        for i in next.members.indices { next.members[i].avoid.removeAll { $0 == id } }
        next.exchanges.removeAll { $0.giver == id || $0.receiver == id }
        next.attendance.removeAll { $0.member == id }
        try replace(with: next, prefix: "", storing: ("member.remove", { try $0.remove(memberID: id) }))
        pruneOutcomes()
        return .init(id: id)
    }

    func upsert(activity: Activity) throws(RPCError) -> MethodResults.ID {
        var next = community
        let i = next.activities.upsert(activity)
        try replace(
            with: next, prefix: "", record: ("activities[\(i)]", "activity"),
            storing: ("activity.upsert", { try $0.upsert(activity: activity) }))
        return .init(id: activity.id)
    }

    func removeActivity(_ id: String) throws(RPCError) -> MethodResults.ID {
        guard community.activities.contains(where: { $0.id == id }) else {
            throw RPCError(.unknownActivity, "Unknown activity id", field: "params.id", reason: "unknown activity id '\(id)'")
        }
        var next = community
        next.activities.removeAll { $0.id == id }
        next.attendance.removeAll { $0.activity == id }
        try replace(with: next, prefix: "", storing: ("activity.remove", { try $0.remove(activityID: id) }))
        pruneOutcomes()
        return .init(id: id)
    }

    func record(exchange: Exchange) throws(RPCError) -> MethodResults.Balances {
        for (field, id) in [("giver", exchange.giver), ("receiver", exchange.receiver)] where !community.members.contains(where: { $0.id == id }) {
            throw RPCError(.unknownMember, "Unknown member id", field: "params.exchange.\(field)", reason: "unknown member id '\(id)'")
        }
        var next = community
        next.exchanges.append(exchange)
        try replace(with: next, prefix: "", storing: ("exchange.record", { try $0.record(exchange: exchange) }))
        func balance(_ id: String) -> Double {
            next.exchanges.reduce(0) { $0 + ($1.giver == id ? $1.hours : 0) - ($1.receiver == id ? $1.hours : 0) }
        }
        return .init(giver: .init(id: exchange.giver, balance: balance(exchange.giver)), receiver: .init(id: exchange.receiver, balance: balance(exchange.receiver)))
    }

    func record(attendance: Attendance) throws(RPCError) -> EmptyResult {
        guard community.members.contains(where: { $0.id == attendance.member }) else {
            throw RPCError(.unknownMember, "Unknown member id", field: "params.attendance.member", reason: "unknown member id '\(attendance.member)'")
        }
        guard community.activities.contains(where: { $0.id == attendance.activity }) else {
            throw RPCError(.unknownActivity, "Unknown activity id", field: "params.attendance.activity", reason: "unknown activity id '\(attendance.activity)'")
        }
        var next = community
        next.attendance.append(attendance)
        try replace(with: next, prefix: "", storing: ("attendance.record", { try $0.record(attendance: attendance) }))
        return EmptyResult()
    }

    func weights(_ params: MethodParams.Weights, set: Bool) throws(RPCError) -> MethodResults.Weights {
        let profile = params.profile ?? .broker
        if set {
            guard let weights = params.weights else {
                throw RPCError(.invalidParams, "Invalid params", field: "params.weights", reason: "is required")
            }
            var next = configuration
            do {
                next.weights[profile] = try weights.validatedAsWeights(field: "weights")
            } catch {
                throw RPCError.query(error)
            }
            try replace(
                with: community, prefix: "", configuration: next,
                storing: ("weights.set", { try $0.setWeights(profile: profile, weights: weights) }))
        }
        return .init(profile: profile, weights: configuration.weights(for: profile))
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
        .init(status: "ok", members: engine.memberCount, activities: engine.activityCount, referenceDate: engine.referenceDate.description)
    }
}

extension Array where Element: Identifiable {
    /// Replaces the element with the same id, or appends it; returns its position.
    mutating func upsert(_ element: Element) -> Int {
        if let i = firstIndex(where: { $0.id == element.id }) {
            self[i] = element
            return i
        }
        append(element)
        return count - 1
    }
}
