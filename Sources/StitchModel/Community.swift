/// Everything Stitch knows of one community: members, activities, exchanges of time and attendance.
///
/// The community file (`stitch import FILE`, `community.load`) has exactly this shape:
/// `{"members":[…],"activities":[…],"exchanges":[…],"attendance":[…]}`.
public struct Community: Sendable, Hashable, Codable {
    public var members: [Member]
    public var activities: [Activity]
    public var exchanges: [Exchange]
    public var attendance: [Attendance]

    public init(members: [Member] = [], activities: [Activity] = [], exchanges: [Exchange] = [], attendance: [Attendance] = []) {
        self.members = members
        self.activities = activities
        self.exchanges = exchanges
        self.attendance = attendance
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case members, activities, exchanges, attendance }

    /// The keys of a community file's top-level object: a JSON object with none of them is not
    /// a community (it is never read as an empty one).
    public static let fileKeys: Set<String> = Set(CodingKeys.allCases.map(\.stringValue))

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        members = try c.decode([Member].self, forKey: .members, default: [])
        activities = try c.decode([Activity].self, forKey: .activities, default: [])
        exchanges = try c.decode([Exchange].self, forKey: .exchanges, default: [])
        attendance = try c.decode([Attendance].self, forKey: .attendance, default: [])
    }

    /// Checks every record against ``RecordBounds`` (for records built in code rather than
    /// decoded), then what decoding each record alone cannot: duplicate ids, references to
    /// unknown members or activities, and a member listed in their own `avoid`.
    ///
    /// - Returns: every problem found, each with its field path; empty when the community is sound.
    public func validationErrors() -> [ValidationError] {
        var errors = boundErrors()
        var memberIDs = Set<String>()
        for (i, member) in members.enumerated() where !memberIDs.insert(member.id).inserted {
            errors.append(.init(field: "members[\(i)].id", reason: "duplicate member id '\(member.id)'"))
        }
        var activityIDs = Set<String>()
        for (i, activity) in activities.enumerated() where !activityIDs.insert(activity.id).inserted {
            errors.append(.init(field: "activities[\(i)].id", reason: "duplicate activity id '\(activity.id)'"))
        }
        for (i, member) in members.enumerated() {
            errors += member.referenceErrors(isMember: memberIDs.contains).map { $0.inside("members[\(i)]") }
        }
        for (i, activity) in activities.enumerated() {
            errors += activity.placeErrors().map { $0.inside("activities[\(i)]") }
        }
        var exchangeIDs = Set<String>()
        for (i, exchange) in exchanges.enumerated() {
            if let id = exchange.id, !exchangeIDs.insert(id).inserted {
                errors.append(Exchange.duplicateIDError(id).inside("exchanges[\(i)]"))
            }
            errors += exchange.referenceErrors(isMember: memberIDs.contains).map { $0.inside("exchanges[\(i)]") }
        }
        for (i, record) in attendance.enumerated() {
            errors += record.referenceErrors(isMember: memberIDs.contains, isActivity: activityIDs.contains)
                .map { $0.inside("attendance[\(i)]") }
        }
        return errors
    }

    /// Every record's fields outside ``RecordBounds``, each at its path (`activities[2].ageMax`).
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        for (i, member) in members.enumerated() { errors += member.boundErrors().map { $0.inside("members[\(i)]") } }
        for (i, activity) in activities.enumerated() {
            errors += activity.boundErrors().map { $0.inside("activities[\(i)]") }
        }
        for (i, exchange) in exchanges.enumerated() {
            errors += exchange.boundErrors().map { $0.inside("exchanges[\(i)]") }
        }
        for (i, record) in attendance.enumerated() {
            errors += record.boundErrors().map { $0.inside("attendance[\(i)]") }
        }
        return errors
    }

    /// Throws every validation error at once when the community is not sound.
    public func validate() throws(ValidationErrors) {
        let errors = validationErrors()
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}
