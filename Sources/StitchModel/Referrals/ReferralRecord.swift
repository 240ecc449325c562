/// Who referred a person: a name and role to read, and the practice's ODS code.
///
/// `{"name": "Dr A. Okafor", "role": "gp", "practice": "G85016"}`: every field optional.
/// `practice` is an organisation code of the NHS Organisation Data Service (letters and digits,
/// 3 to 10 characters, kept upper case), by which referrals are listed and reported per practice.
public struct Referrer: Sendable, Hashable, Codable {
    public var name: String?
    /// `gp`, `link-worker`, `nurse`, `self`… as the referrer writes it.
    public var role: String?
    /// The practice's ODS code.
    public var practice: String?

    public init(name: String? = nil, role: String? = nil, practice: String? = nil) {
        self.name = name
        self.role = role
        self.practice = practice
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case name, role, practice }
    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        practice = try c.decodeIfPresent(String.self, forKey: .practice).map { $0.uppercased() }
        var errors: [ValidationError] = []
        RecordBounds.checkText(name, field: "name", into: &errors)
        RecordBounds.checkText(role, field: "role", into: &errors)
        if let practice, !Self.isODSCode(practice) {
            errors.append(
                .init(
                    field: "practice",
                    reason: "'\(NearestWord.shown(practice))' is not an ODS code; expected 3 to 10 letters and digits, such as G85016"))
        }
        try c.enforce(errors)
    }

    /// Whether `code` has an ODS code's shape: 3 to 10 ASCII letters and digits.
    public static func isODSCode(_ code: String) -> Bool {
        (3...10).contains(code.utf8.count) && code.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }
    }
}

/// The person's consent to the referral and to what it records: whether it was given, and when.
public struct Consent: Sendable, Hashable, Codable {
    public var given: Bool
    public var date: CalendarDate?

    public init(given: Bool, date: CalendarDate? = nil) {
        self.given = given
        self.date = date
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case given, date }
    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        given = try c.decode(Bool.self, forKey: .given)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
    }
}

/// One dated, attributed change of a referral's status, with a note (why, for a refusal or a
/// closure).
public struct StatusChange: Sendable, Hashable, Codable {
    public var status: ReferralStatus
    public var date: CalendarDate
    /// Who made the change: a link worker's name or account, or `attendance` when an attendance
    /// record moved it.
    public var by: String?
    public var note: String?
    /// The activity the person chose or went to, when the change names one.
    public var activity: String?

    public init(status: ReferralStatus, date: CalendarDate, by: String? = nil, note: String? = nil, activity: String? = nil) {
        self.status = status
        self.date = date
        self.by = by
        self.note = note
        self.activity = activity
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case status, date, by, note, activity }
    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        status = try c.decode(ReferralStatus.self, forKey: .status)
        date = try c.decode(CalendarDate.self, forKey: .date)
        by = try c.decodeIfPresent(String.self, forKey: .by)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        activity = try c.decodeIfPresent(String.self, forKey: .activity)
        var errors: [ValidationError] = []
        RecordBounds.checkText(by, field: "by", into: &errors)
        RecordBounds.checkText(note, field: "note", into: &errors)
        try c.enforce(errors)
    }
}

/// An activity offered on a referral, as the ranking gave it when the referral was made: its
/// score and factors, the buddy proposed, and the reasons, so the record keeps what was offered
/// and why even after the community or the weights change.
public struct OfferedActivity: Sendable, Hashable, Codable {
    public var activity: String
    public var name: String?
    public var score: Double
    public var factors: [String: Double]
    public var reasons: [String]
    public var buddy: String?

    public init(
        activity: String, name: String? = nil, score: Double, factors: [String: Double], reasons: [String], buddy: String? = nil
    ) {
        self.activity = activity
        self.name = name
        self.score = score
        self.factors = factors
        self.reasons = reasons
        self.buddy = buddy
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case activity, name, score, factors, reasons, buddy }
    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        activity = try c.decodeIdentifier(forKey: .activity)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        score = try c.decode(Double.self, forKey: .score)
        factors = try c.decode([String: Double].self, forKey: .factors, default: [:])
        reasons = try c.decode([String].self, forKey: .reasons, default: [])
        buddy = try c.decodeIfPresent(String.self, forKey: .buddy)
    }
}

/// A member offered on a referral for one-to-one support (befriending, going along to
/// appointments, peer support), as the ranking gave it when the referral was made: the support,
/// its score and factors, and the reasons.
public struct OfferedOneToOne: Sendable, Hashable, Codable {
    public var member: String
    public var name: String?
    public var support: OneToOneSupport
    public var score: Double
    public var factors: [String: Double]
    public var reasons: [String]

    public init(member: String, name: String? = nil, support: OneToOneSupport, score: Double, factors: [String: Double], reasons: [String]) {
        self.member = member
        self.name = name
        self.support = support
        self.score = score
        self.factors = factors
        self.reasons = reasons
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case member, name, support, score, factors, reasons }
    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        member = try c.decodeIdentifier(forKey: .member)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        support = try c.decode(OneToOneSupport.self, forKey: .support)
        score = try c.decode(Double.self, forKey: .score)
        factors = try c.decode([String: Double].self, forKey: .factors, default: [:])
        reasons = try c.decode([String].self, forKey: .reasons, default: [])
    }
}

/// A social-prescribing referral kept as a record: who was referred, by whom, when and why,
/// with consent, what was offered (the ranked answer as it was, with the weights used), and its
/// dated status history (docs/referrals.md).
///
/// ```json
/// {"id": "r-2026-0042", "person": "m-maud", "date": "2026-11-02",
///  "referrer": {"name": "Dr A. Okafor", "role": "gp", "practice": "G85016"},
///  "reason": "lonely since her husband died; used to love knitting",
///  "consent": {"given": true, "date": "2026-11-02"}}
/// ```
///
/// The reason, needs and notes are health details: stored and answered, never logged.
public struct ReferralRecord: Sendable, Hashable, Codable {
    public var id: String
    /// A member's id, or the person inline (not yet a member).
    public var person: PersonReference
    public var referrer: Referrer?
    /// The day the referral was made.
    public var date: CalendarDate
    /// Why, in the referrer's words.
    public var reason: String?
    /// The needs and concerns the reason was read into (or as the link worker set them).
    public var needs: [String]
    public var consent: Consent?
    /// Five Ways goals for this referral (defaults to what the reason says, or the person's own).
    public var goals: FiveWays?
    /// Interests added to the person's own.
    public var interests: [String]
    /// What was offered when the referral was made, best first.
    public var offered: [OfferedActivity]
    /// The one-to-one support offered when the referral was made, best first (empty when none
    /// was, and in records made before it was offered).
    public var oneToOne: [OfferedOneToOne] = []
    /// The scoring profile and its weights the offer was ranked with.
    public var weights: WeightsUsed?
    /// Every change of status, oldest first; the first is `referred` on the referral's date.
    public var history: [StatusChange]
    /// Wellbeing measured before and after, for the referral or per activity (empty in records
    /// made before measures were kept).
    public var wellbeing: [ReferralWellbeing] = []

    /// The status now: the last change's.
    public var status: ReferralStatus { history.last?.status ?? .referred }

    /// The profile and factor weights a ranking used, kept with what it offered.
    public struct WeightsUsed: Sendable, Hashable, Codable {
        public var profile: String
        public var weights: [String: Double]
        public init(profile: String, weights: [String: Double]) {
            self.profile = profile
            self.weights = weights
        }
    }

    public init(
        id: String, person: PersonReference, referrer: Referrer? = nil, date: CalendarDate, reason: String? = nil,
        needs: [String] = [], consent: Consent? = nil, goals: FiveWays? = nil, interests: [String] = [],
        offered: [OfferedActivity] = [], weights: WeightsUsed? = nil, history: [StatusChange] = []
    ) {
        self.id = id
        self.person = person
        self.referrer = referrer
        self.date = date
        self.reason = reason
        self.needs = needs
        self.consent = consent
        self.goals = goals
        self.interests = interests
        self.offered = offered
        self.weights = weights
        self.history = history.isEmpty ? [StatusChange(status: .referred, date: date)] : history
    }

    /// The referral to rank activities for.
    public var referral: Referral {
        Referral(id: id, person: person, goals: goals, interests: interests, referrer: referrer?.role, reason: reason)
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case id, person, referrer, date, reason, needs, consent, goals, interests, offered, oneToOne, weights, history, status, wellbeing
    }

    /// The keys of its JSON object: any other key is refused. (`status` is written for readers
    /// and ignored when read: the history decides it.)
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIdentifier(forKey: .id)
        person = try c.decode(PersonReference.self, forKey: .person)
        referrer = try c.decodeIfPresent(Referrer.self, forKey: .referrer)
        date = try c.decode(CalendarDate.self, forKey: .date)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        needs = try c.decode([String].self, forKey: .needs, default: [])
        consent = try c.decodeIfPresent(Consent.self, forKey: .consent)
        goals = try c.decodeIfPresent(FiveWays.self, forKey: .goals)
        interests = try c.decode([String].self, forKey: .interests, default: [])
        offered = try c.decode([OfferedActivity].self, forKey: .offered, default: [])
        oneToOne = try c.decode([OfferedOneToOne].self, forKey: .oneToOne, default: [])
        weights = try c.decodeIfPresent(WeightsUsed.self, forKey: .weights)
        history = try c.decode([StatusChange].self, forKey: .history, default: [])
        if history.isEmpty { history = [StatusChange(status: .referred, date: date)] }
        wellbeing = try c.decode([ReferralWellbeing].self, forKey: .wellbeing, default: [])
        try c.enforce(boundErrors())
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(person, forKey: .person)
        try c.encodeIfPresent(referrer, forKey: .referrer)
        try c.encode(date, forKey: .date)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encode(needs, forKey: .needs)
        try c.encodeIfPresent(consent, forKey: .consent)
        try c.encodeIfPresent(goals, forKey: .goals)
        try c.encode(interests, forKey: .interests)
        try c.encode(offered, forKey: .offered)
        if !oneToOne.isEmpty { try c.encode(oneToOne, forKey: .oneToOne) }
        try c.encodeIfPresent(weights, forKey: .weights)
        try c.encode(history, forKey: .history)
        try c.encode(status, forKey: .status)
        if !wellbeing.isEmpty { try c.encode(wellbeing, forKey: .wellbeing) }
    }

    /// The record's problems taken alone, each at its field; empty when it is sound. Whether
    /// the person is a member is for the service to check.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        RecordBounds.checkID(id, field: "id", into: &errors)
        RecordBounds.checkText(reason, field: "reason", into: &errors)
        RecordBounds.checkTexts(needs, field: "needs", into: &errors)
        RecordBounds.checkTexts(interests, field: "interests", into: &errors)
        RecordBounds.checkCount(history.count, maximum: RecordBounds.maximumListLength, field: "history", into: &errors)
        RecordBounds.checkCount(offered.count, maximum: RecordBounds.maximumListLength, field: "offered", into: &errors)
        RecordBounds.checkCount(oneToOne.count, maximum: RecordBounds.maximumListLength, field: "oneToOne", into: &errors)
        RecordBounds.checkCount(wellbeing.count, maximum: RecordBounds.maximumListLength, field: "wellbeing", into: &errors)
        for (index, change) in history.enumerated() {
            if change.date < date {
                errors.append(.init(field: "history[\(index)].date", reason: "\(change.date) is before the referral's date \(date)"))
            }
            if index > 0, change.date < history[index - 1].date {
                errors.append(
                    .init(field: "history[\(index)].date", reason: "\(change.date) is before the change before it (\(history[index - 1].date))"))
            }
        }
        return errors
    }

    /// Moves the referral to `status` on `date`, or says why it cannot (the field and reason):
    /// a move the lifecycle does not allow, a date before the last change, a refusal or closure
    /// without a note.
    public mutating func move(
        to status: ReferralStatus, on date: CalendarDate, by: String?, note: String?, activity: String? = nil
    ) throws(ValidationError) {
        let now = self.status
        guard now.next.contains(status) else {
            let allowed = now.next.map(\.rawValue)
            let reason =
                allowed.isEmpty
                ? "a referral that is \(now.rawValue) cannot change status"
                : "a referral that is \(now.rawValue) can move to \(Wording.list(allowed, conjunction: "or")), not \(status.rawValue)"
            throw ValidationError(field: "status", reason: reason)
        }
        if let last = history.last, date < last.date {
            throw ValidationError(field: "date", reason: "\(date) is before the last change (\(last.status.rawValue) on \(last.date))")
        }
        if status.needsReason, (note ?? "").allSatisfy(\.isWhitespace) {
            throw ValidationError(field: "note", reason: "say why the referral is \(status.rawValue)")
        }
        history.append(StatusChange(status: status, date: date, by: by, note: note, activity: activity))
    }

    /// The activity the person chose: the one the latest change naming an activity names.
    public var chosenActivity: String? { history.last(where: { $0.activity != nil })?.activity }
}
