import StitchApplication
import StitchEngine
import StitchModel

// The params of the most frequent queries, read straight from the request's tree when they take
// their plain form: ids and names as strings, no times or place given, no key but their own.
// Anything else (a missing or mistyped field, times, a location, an inline person, an unknown
// key) gives `nil`, and the params are then decoded by `JSONDecoder` as before, which also
// reports any problem with its field path. So the values read here are exactly those
// `JSONDecoder` would give, and errors do not change.

extension MethodParams.Helpers {
    /// `match.helpers` params of the form `{"request":{"requester":…,"skill":…},"limit":…,"profile":…}`.
    init?(plain fields: [String: JSONTree]) {
        guard MethodParams.hasOnly(Self.fieldKeys, fields, atTop: true), case .object(let request)? = fields["request"],
            MethodParams.hasOnly(HelpRequest.fieldKeys, request, atTop: false),
            case .string(let requester)? = request["requester"],
            case .string(let skill)? = request["skill"],
            skill.contains(where: { !$0.isWhitespace }),
            RecordBounds.idProblem(requester) == nil,
            !skill.utf8.contains(0), skill.utf8.count <= RecordBounds.maximumTextBytes,
            MethodParams.isAbsent(request["location"]),
            let atHome = MethodParams.flag(request["atHome"]),
            let requiresDBS = MethodParams.flag(request["requiresDBS"]),
            MethodParams.isAbsentOrEmpty(request["when"]),
            MethodParams.isAbsent(request["date"]), MethodParams.isAbsent(request["interpreter"]),
            let limit = MethodParams.wholeNumber(fields["limit"]),
            let profile = MethodParams.profile(fields["profile"])
        else { return nil }
        self.init(
            request: HelpRequest(requester: requester, skill: skill, atHome: atHome, requiresDBS: requiresDBS), limit: limit,
            profile: profile)
    }
}

extension MethodParams {
    /// `match.explain` params of the form `{"subject":"<id>","candidate":…,"skill":…,"profile":…}`.
    static func plainExplain(_ fields: [String: JSONTree]) -> ExplainQuery? {
        guard hasOnly(ExplainQuery.fieldKeys, fields, atTop: true), case .string(let subject)? = fields["subject"],
            RecordBounds.idProblem(subject) == nil,
            case .string(let candidate)? = fields["candidate"],
            let skill = optionalString(fields["skill"]),
            let profile = profile(fields["profile"]),
            isAbsent(fields["when"]), isAbsent(fields["support"]), isAbsent(fields["activity"])
        else { return nil }
        return ExplainQuery(subject: .id(subject), candidate: candidate, skill: skill, profile: profile)
    }

    /// Whether every key of an object is one of `keys` (or, at the top of the params, `auth`):
    /// a few string comparisons, no allocation.
    static func hasOnly(_ keys: RecordKeys, _ fields: [String: JSONTree], atTop: Bool) -> Bool {
        fields.keys.allSatisfy { keys.contains($0) || (atTop && $0 == RPCDispatcher.authKey) }
    }

    /// Absent, or `null` (both read as absent).
    static func isAbsent(_ value: JSONTree?) -> Bool {
        switch value {
        case nil, .null?: true
        default: false
        }
    }

    /// Absent, `null` or `[]`.
    static func isAbsentOrEmpty(_ value: JSONTree?) -> Bool {
        if case .array(let items)? = value { return items.isEmpty }
        return isAbsent(value)
    }

    /// A flag defaulting to false; `nil` when not a boolean.
    static func flag(_ value: JSONTree?) -> Bool? {
        if case .bool(let b)? = value { return b }
        return isAbsent(value) ? false : nil
    }

    /// An optional string (`.some(nil)` when absent); `nil` when of another type.
    static func optionalString(_ value: JSONTree?) -> String?? {
        if case .string(let s)? = value { return .some(s) }
        return isAbsent(value) ? .some(nil) : nil
    }

    /// An optional whole number as `decodeWholeNumber` accepts it; `nil` when it would refuse it.
    static func wholeNumber(_ value: JSONTree?) -> Int?? {
        if case .number(let n)? = value {
            guard n.isFinite, n == n.rounded(), abs(n) < 1e15 else { return nil }
            return .some(Int(n))
        }
        return isAbsent(value) ? .some(nil) : nil
    }

    /// An optional scoring profile by name; `nil` when not one.
    static func profile(_ value: JSONTree?) -> ScoringProfile?? {
        if case .string(let name)? = value {
            guard let profile = ScoringProfile(rawValue: name) else { return nil }
            return .some(profile)
        }
        return isAbsent(value) ? .some(nil) : nil
    }
}
