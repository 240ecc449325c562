import Foundation
import StitchEngine
import StitchModel

/// The community a daemon serves, and the engine over it.
///
/// An actor: reads see one consistent engine; each write builds the next community, validates
/// it whole, and swaps the engine only when it is sound, so a bad write never loses data.
public actor StitchService {
    private(set) var community: Community
    private(set) var engine: Engine
    let taxonomy: SkillTaxonomy
    private var configuration: EngineConfiguration

    /// Serves a community (validated here).
    public init(community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration = EngineConfiguration()) throws(ValidationErrors) {
        self.community = community
        self.taxonomy = taxonomy
        self.configuration = configuration
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
    func replace(with next: Community, prefix: String, record: (path: String, name: String)? = nil) throws(RPCError) {
        do {
            engine = try Engine(community: next, taxonomy: taxonomy, configuration: configuration)
            community = next
        } catch {
            let first = error.errors.first ?? ValidationError(field: "$", reason: "invalid")
            var field = prefix.isEmpty ? first.field : "\(prefix).\(first.field)"
            if let record, first.field.hasPrefix(record.path + ".") {
                field = record.name + first.field.dropFirst(record.path.count)
            }
            throw RPCError.invalidParams(ValidationError(field: field, reason: first.reason))
        }
    }

    func load(_ params: MethodParams.Load) throws(RPCError) -> MethodResults.Loaded {
        let next: Community
        if let inline = params.community {
            next = inline
            try replace(with: next, prefix: "community")
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
            try replace(with: next, prefix: "")
        } else {
            throw RPCError(.invalidParams, "Invalid params", field: "params", reason: "give `path` or `community`")
        }
        return .init(members: next.members.count, activities: next.activities.count, exchanges: next.exchanges.count, attendance: next.attendance.count)
    }

    func upsert(member: Member) throws(RPCError) -> MethodResults.ID {
        var next = community
        let i = next.members.firstIndex { $0.id == member.id } ?? next.members.count
        if i < next.members.count { next.members[i] = member } else { next.members.append(member) }
        try replace(with: next, prefix: "", record: ("members[\(i)]", "member"))
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
        try replace(with: next, prefix: "")
        return .init(id: id)
    }

    func upsert(activity: Activity) throws(RPCError) -> MethodResults.ID {
        var next = community
        let i = next.activities.firstIndex { $0.id == activity.id } ?? next.activities.count
        if i < next.activities.count { next.activities[i] = activity } else { next.activities.append(activity) }
        try replace(with: next, prefix: "", record: ("activities[\(i)]", "activity"))
        return .init(id: activity.id)
    }

    func removeActivity(_ id: String) throws(RPCError) -> MethodResults.ID {
        guard community.activities.contains(where: { $0.id == id }) else {
            throw RPCError(.unknownActivity, "Unknown activity id", field: "params.id", reason: "unknown activity id '\(id)'")
        }
        var next = community
        next.activities.removeAll { $0.id == id }
        next.attendance.removeAll { $0.activity == id }
        try replace(with: next, prefix: "")
        return .init(id: id)
    }

    func record(exchange: Exchange) throws(RPCError) -> MethodResults.Balances {
        for (field, id) in [("giver", exchange.giver), ("receiver", exchange.receiver)] where !community.members.contains(where: { $0.id == id }) {
            throw RPCError(.unknownMember, "Unknown member id", field: "params.exchange.\(field)", reason: "unknown member id '\(id)'")
        }
        var next = community
        next.exchanges.append(exchange)
        try replace(with: next, prefix: "")
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
        try replace(with: next, prefix: "")
        return EmptyResult()
    }

    func weights(_ params: MethodParams.Weights, set: Bool) throws(RPCError) -> MethodResults.Weights {
        let profile = params.profile ?? .broker
        if set {
            guard let weights = params.weights else {
                throw RPCError(.invalidParams, "Invalid params", field: "params.weights", reason: "is required")
            }
            do {
                configuration.weights[profile] = try weights.validatedAsWeights(field: "weights")
            } catch {
                throw RPCError.query(error)
            }
            try replace(with: community, prefix: "")
        }
        return .init(profile: profile, weights: configuration.weights(for: profile))
    }

    func health() -> MethodResults.Health {
        .init(status: "ok", members: engine.memberCount, activities: engine.activityCount, referenceDate: engine.referenceDate.description)
    }
}
