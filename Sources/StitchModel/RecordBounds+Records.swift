/// Each record checked against ``RecordBounds``, field by field, with paths relative to the
/// record (`ageMax`, `availability`, `avoid[2]`).
///
/// A record's `init(from:)` throws the first of these, so a request, a community file and the
/// store's loader refuse it as they read it; ``Community/validationErrors()`` and a daemon's
/// check of one change report them for records built in code (the importers').
extension Member {
    /// The fields of this member outside their bounds; empty when every field is in bounds.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(id, field: "id", into: &errors)
        RecordBounds.checkText(name, field: "name", into: &errors)
        RecordBounds.checkTexts(offers, field: "offers", into: &errors)
        RecordBounds.checkTexts(interests, field: "interests", into: &errors)
        RecordBounds.checkTexts(needs, field: "needs", into: &errors)
        RecordBounds.checkTexts(experiences, field: "experiences", into: &errors)
        RecordBounds.checkCount(availability.count, maximum: RecordBounds.maximumSlots, field: "availability", into: &errors)
        RecordBounds.checkCount(away.count, maximum: RecordBounds.maximumAway, field: "away", into: &errors)
        for (i, period) in away.enumerated() where period.to < period.from {
            errors.append(.init(field: "away[\(i)].to", reason: "to \(period.to) is before from \(period.from)"))
        }
        location?.collectBoundErrors(field: "location", into: &errors)
        RecordBounds.check(travelKm, RecordBounds.travelKm, field: "travelKm", into: &errors)
        RecordBounds.checkCount(accessNeeds.count, maximum: RecordBounds.maximumListLength, field: "accessNeeds", into: &errors)
        RecordBounds.checkLanguages(languages, field: "languages", into: &errors)
        RecordBounds.check(maxCost, RecordBounds.cost, field: "maxCost", into: &errors)
        if let dbs { dbs.collectBoundErrors(field: "dbs", into: &errors) }
        if let home { RecordBounds.checkCount(home.pets.count, maximum: RecordBounds.maximumListLength, field: "home.pets", into: &errors) }
        if let visitLimits {
            RecordBounds.checkCount(visitLimits.allergies.count, maximum: RecordBounds.maximumListLength, field: "visitLimits.allergies", into: &errors)
        }
        RecordBounds.check(birthYear, RecordBounds.birthYear, field: "birthYear", into: &errors)
        RecordBounds.checkTexts(groups, field: "groups", into: &errors)
        wellbeing?.collectBoundErrors(field: "wellbeing", into: &errors)
        RecordBounds.checkIDs(avoid, maximum: RecordBounds.maximumAvoid, field: "avoid", into: &errors)
        return errors
    }
}

extension Activity {
    /// The fields of this activity outside their bounds; empty when every field is in bounds.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(id, field: "id", into: &errors)
        RecordBounds.checkText(name, field: "name", into: &errors)
        RecordBounds.checkText(organisation, field: "organisation", into: &errors)
        RecordBounds.checkText(description, field: "description", into: &errors)
        RecordBounds.checkTexts(topics, field: "topics", into: &errors)
        RecordBounds.checkCount(wellbeing.count, maximum: RecordBounds.maximumListLength, field: "wellbeing", into: &errors)
        RecordBounds.checkCount(schedule.count + datedSessions.count, maximum: RecordBounds.maximumSlots, field: "schedule", into: &errors)
        location?.collectBoundErrors(field: "location", into: &errors)
        RecordBounds.check(capacity, RecordBounds.places, field: "capacity", into: &errors)
        RecordBounds.check(enrolled, RecordBounds.places, field: "enrolled", into: &errors)
        RecordBounds.checkCount(access.count, maximum: RecordBounds.maximumListLength, field: "access", into: &errors)
        RecordBounds.check(cost, RecordBounds.cost, field: "cost", into: &errors)
        RecordBounds.checkLanguages(languages, field: "languages", into: &errors)
        RecordBounds.check(ageMin, RecordBounds.age, field: "ageMin", into: &errors)
        RecordBounds.check(ageMax, RecordBounds.age, field: "ageMax", into: &errors)
        if let lo = ageMin, let hi = ageMax, hi < lo {
            errors.append(.init(field: "ageMax", reason: "ageMax \(hi) is below ageMin \(lo)"))
        }
        RecordBounds.checkTexts(groups, field: "groups", into: &errors)
        RecordBounds.checkText(attribution, field: "attribution", into: &errors)
        return errors
    }
}

extension Exchange {
    /// The fields of this exchange outside their bounds; empty when every field is in bounds.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let id { RecordBounds.checkID(id, field: "id", into: &errors) }
        RecordBounds.checkID(giver, field: "giver", into: &errors)
        RecordBounds.checkID(receiver, field: "receiver", into: &errors)
        if giver == receiver { errors.append(.init(field: "receiver", reason: "a member cannot give to themself")) }
        RecordBounds.check(hours, RecordBounds.hours, field: "hours", into: &errors)
        RecordBounds.checkText(skill, field: "skill", into: &errors)
        return errors
    }
}

extension Attendance {
    /// The fields of this record outside their bounds; empty when both ids are sound.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(member, field: "member", into: &errors)
        RecordBounds.checkID(activity, field: "activity", into: &errors)
        return errors
    }
}

extension HelpRequest {
    /// The fields of this request outside their bounds; empty when every field is in bounds.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let id { RecordBounds.checkID(id, field: "id", into: &errors) }
        if let requester { RecordBounds.checkID(requester, field: "requester", into: &errors) }
        RecordBounds.checkText(skill, field: "skill", into: &errors)
        RecordBounds.checkCount(when.count + whenDated.count, maximum: RecordBounds.maximumSlots, field: "when", into: &errors)
        location?.collectBoundErrors(field: "location", into: &errors)
        return errors
    }
}

extension Referral {
    /// The fields of this referral outside their bounds (an inline person's included, under
    /// `person`); empty when every field is in bounds.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let id { RecordBounds.checkID(id, field: "id", into: &errors) }
        switch person {
        case .id(let id): RecordBounds.checkID(id, field: "person", into: &errors)
        case .inline(let member): errors += member.boundErrors().map { $0.inside("person") }
        }
        goals?.collectBoundErrors(field: "goals", into: &errors)
        RecordBounds.checkTexts(interests, field: "interests", into: &errors)
        RecordBounds.checkText(referrer, field: "referrer", into: &errors)
        RecordBounds.checkText(reason, field: "reason", into: &errors)
        RecordBounds.checkCount(when.count, maximum: RecordBounds.maximumSlots, field: "when", into: &errors)
        RecordBounds.check(maxCost, RecordBounds.cost, field: "maxCost", into: &errors)
        return errors
    }
}

extension Location {
    func collectBoundErrors(field: String, into errors: inout [ValidationError]) {
        RecordBounds.check(lat, RecordBounds.latitude, field: "\(field).lat", into: &errors)
        RecordBounds.check(lon, RecordBounds.longitude, field: "\(field).lon", into: &errors)
    }
}

extension FiveWays {
    func collectBoundErrors(field: String, into errors: inout [ValidationError]) {
        for way in WellbeingWay.allCases {
            RecordBounds.check(self[way], RecordBounds.wellbeingGoal, field: "\(field).\(way.rawValue)", into: &errors)
        }
    }
}

extension KeyedDecodingContainer {
    /// Throws the first of `errors` as a decoding error at its field, below this container's
    /// path, so a reader reports it as `params.activity.ageMax` with its reason.
    func enforce(_ errors: [ValidationError]) throws {
        guard let first = errors.first else { return }
        throw DecodingError.dataCorrupted(
            .init(codingPath: codingPath + [FieldPathKey(first.field)], debugDescription: first.reason))
    }
}

/// A relative field path (`availability`, `avoid[2]`, `location.lat`) as one coding key, so a
/// bound error raised after decoding keeps its path in the `DecodingError`.
struct FieldPathKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ path: String) { stringValue = path }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension DBSCheck {
    /// Appends the problem of a check given with only one of its date and level (only the old
    /// `dbsChecked: true` leaves both unknown).
    func collectBoundErrors(field: String, into errors: inout [ValidationError]) {
        if (checked == nil) != (level == nil) {
            errors.append(.init(field: field, reason: "a DBS check needs both its checked date and its level, as \"checked\": \"2024-03-01\", \"level\": \"enhanced\""))
        }
    }
}
