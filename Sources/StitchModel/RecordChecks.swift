/// Checks of one record against the rest of its community: the references and counts that
/// decoding the record alone cannot judge.
///
/// ``Community/validationErrors()`` runs them over a whole community; a daemon runs them on one
/// record written into a community it already holds, so both report the same problems with the
/// same reasons. Fields are relative to the record (`avoid[0]`, `giver`).
extension Member {
    /// Problems with the members this one names: unknown ids and the member itself in `avoid`.
    ///
    /// - Parameter isMember: whether an id names a member of the community.
    public func referenceErrors(isMember: (String) -> Bool) -> [ValidationError] {
        var errors: [ValidationError] = []
        for (j, other) in avoid.enumerated() {
            if other == id {
                errors.append(.init(field: "avoid[\(j)]", reason: "a member cannot avoid themself"))
            } else if !isMember(other) {
                errors.append(.init(field: "avoid[\(j)]", reason: "unknown member id '\(other)'"))
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
    /// Problems with the members the exchange names.
    public func referenceErrors(isMember: (String) -> Bool) -> [ValidationError] {
        var errors: [ValidationError] = []
        if !isMember(giver) { errors.append(.init(field: "giver", reason: "unknown member id '\(giver)'")) }
        if !isMember(receiver) { errors.append(.init(field: "receiver", reason: "unknown member id '\(receiver)'")) }
        return errors
    }

    /// The problem with an exchange id already taken.
    public static func duplicateIDError(_ id: String) -> ValidationError {
        .init(field: "id", reason: "duplicate exchange id '\(id)'")
    }
}

extension Attendance {
    /// Problems with the member and activity the record names.
    public func referenceErrors(isMember: (String) -> Bool, isActivity: (String) -> Bool) -> [ValidationError] {
        var errors: [ValidationError] = []
        if !isMember(member) { errors.append(.init(field: "member", reason: "unknown member id '\(member)'")) }
        if !isActivity(activity) { errors.append(.init(field: "activity", reason: "unknown activity id '\(activity)'")) }
        return errors
    }
}

extension ValidationError {
    /// The same problem seen from a containing value: `avoid[0]` inside `members[3]` is
    /// `members[3].avoid[0]`.
    public func inside(_ path: String) -> ValidationError {
        guard !path.isEmpty else { return self }
        return .init(field: field.hasPrefix("[") ? path + field : "\(path).\(field)", reason: reason)
    }
}
