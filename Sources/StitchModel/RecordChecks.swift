/// Checks of one record against the rest of its community: the references and counts that
/// decoding the record alone cannot judge.
///
/// ``Community/validationErrors()`` runs them over a whole community; a daemon runs them on one
/// record written into a community it already holds, so both report the same problems with the
/// same reasons. Fields are relative to the record (`avoid[0]`, `giver`).
extension Member {
    /// Problems with the members this one names: unknown ids and the member itself in `avoid`.
    ///
    /// - Parameters:
    ///   - isMember: whether an id names a member of the community.
    ///   - nearestMember: the member id nearest to an unknown one, for "did you mean".
    public func referenceErrors(isMember: (String) -> Bool, nearestMember: (String) -> String? = { _ in nil }) -> [ValidationError] {
        var errors: [ValidationError] = []
        for (j, other) in avoid.enumerated() {
            if other == id {
                errors.append(.init(field: "avoid[\(j)]", reason: "a member cannot avoid themself"))
            } else if !isMember(other) {
                errors.append(.unknownID("member", other, field: "avoid[\(j)]", nearest: nearestMember))
            }
        }
        return errors
    }
}

extension Activity {
    /// Problems with the activity's places: more enrolled than its capacity.
    public func placeErrors() -> [ValidationError] {
        guard let capacity, enrolled > capacity else { return [] }
        return [.init(field: "enrolled", reason: "\(enrolled) enrolled exceeds capacity \(capacity)")]
    }
}

extension Exchange {
    /// Problems with the members the exchange names (`nearestMember`: for "did you mean").
    public func referenceErrors(isMember: (String) -> Bool, nearestMember: (String) -> String? = { _ in nil }) -> [ValidationError] {
        var errors: [ValidationError] = []
        if !isMember(giver) { errors.append(.unknownID("member", giver, field: "giver", nearest: nearestMember)) }
        if !isMember(receiver) { errors.append(.unknownID("member", receiver, field: "receiver", nearest: nearestMember)) }
        return errors
    }

    /// The problem with an exchange id already taken.
    public static func duplicateIDError(_ id: String) -> ValidationError {
        .init(field: "id", reason: "duplicate exchange id '\(id)'")
    }
}

extension Attendance {
    /// Problems with the member and activity the record names (`nearestMember`,
    /// `nearestActivity`: for "did you mean").
    public func referenceErrors(
        isMember: (String) -> Bool, isActivity: (String) -> Bool, nearestMember: (String) -> String? = { _ in nil },
        nearestActivity: (String) -> String? = { _ in nil }
    ) -> [ValidationError] {
        var errors: [ValidationError] = []
        if !isMember(member) { errors.append(.unknownID("member", member, field: "member", nearest: nearestMember)) }
        if !isActivity(activity) { errors.append(.unknownID("activity", activity, field: "activity", nearest: nearestActivity)) }
        return errors
    }
}

extension ValidationError {
    /// `unknown member id 'm-artur'; did you mean 'm-arthur'?` at `field`.
    ///
    /// - Parameter nearest: the known id nearest to `id`, if one is near.
    public static func unknownID(_ kind: String, _ id: String, field: String, nearest: (String) -> String?) -> ValidationError {
        .init(field: field, reason: NearestWord.unknownID(kind, id, nearest: nearest(id)))
    }

    /// The same problem seen from a containing value: `avoid[0]` inside `members[3]` is
    /// `members[3].avoid[0]`.
    public func inside(_ path: String) -> ValidationError {
        guard !path.isEmpty else { return self }
        return .init(field: field.hasPrefix("[") ? path + field : "\(path).\(field)", reason: reason)
    }
}
