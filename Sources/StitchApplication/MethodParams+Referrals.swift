public import StitchModel

extension MethodParams {
    /// A referral as a referrer makes it (`referral.create`'s `referral`): what the record holds
    /// before Stitch ranks activities for it and starts its history.
    public struct NewReferral: Decodable, Sendable {
        /// The referral's id; Stitch numbers it (`r-1`, `r-2`, …) when not given.
        public var id: String?
        public var person: PersonReference
        public var referrer: Referrer?
        /// The day it was made; today when not given.
        public var date: CalendarDate?
        public var reason: String?
        /// The needs and concerns, when the link worker sets them; else read from the reason.
        public var needs: [String]?
        public var consent: Consent?
        public var goals: FiveWays?
        public var interests: [String]

        public init(
            id: String? = nil, person: PersonReference, referrer: Referrer? = nil, date: CalendarDate? = nil, reason: String? = nil,
            needs: [String]? = nil, consent: Consent? = nil, goals: FiveWays? = nil, interests: [String] = []
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
        }

        private enum CodingKeys: String, CodingKey, CaseIterable {
            case id, person, referrer, date, reason, needs, consent, goals, interests
        }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            id = try c.decodeIfPresent(String.self, forKey: .id)
            person = try c.decode(PersonReference.self, forKey: .person)
            referrer = try c.decodeIfPresent(Referrer.self, forKey: .referrer)
            date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
            reason = try c.decodeIfPresent(String.self, forKey: .reason)
            needs = try c.decodeIfPresent([String].self, forKey: .needs)
            consent = try c.decodeIfPresent(Consent.self, forKey: .consent)
            goals = try c.decodeIfPresent(FiveWays.self, forKey: .goals)
            interests = try c.decodeIfPresent([String].self, forKey: .interests) ?? []
        }
    }

    /// `referral.create`: the referral, how many activities to offer (default 5), and who made it.
    public struct CreateReferral: Decodable, Sendable {
        public var referral: NewReferral
        public var limit: Int?
        public var by: String?

        public init(referral: NewReferral, limit: Int? = nil, by: String? = nil) {
            self.referral = referral
            self.limit = limit
            self.by = by
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case referral, limit, by }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            referral = try c.decode(NewReferral.self, forKey: .referral)
            limit = try c.decodeIfPresent(Int.self, forKey: .limit)
            by = try c.decodeIfPresent(String.self, forKey: .by)
        }
    }

    /// `referral.update-status`: the referral, its new status, the day (today when not given),
    /// who, a note (required for `declined`, `did-not-attend` and `closed`), and the activity
    /// chosen or attended.
    public struct UpdateReferralStatus: Decodable, Sendable {
        public var id: String
        public var status: String
        public var date: CalendarDate?
        public var note: String?
        public var by: String?
        /// The activity the person chose or went to (for `attending`, `completed`).
        public var activity: String?

        public init(id: String, status: String, date: CalendarDate? = nil, note: String? = nil, by: String? = nil, activity: String? = nil) {
            self.id = id
            self.status = status
            self.date = date
            self.note = note
            self.by = by
            self.activity = activity
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case id, status, date, note, by, activity }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            id = try c.decode(String.self, forKey: .id)
            status = try c.decode(String.self, forKey: .status)
            date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            by = try c.decodeIfPresent(String.self, forKey: .by)
            activity = try c.decodeIfPresent(String.self, forKey: .activity)
        }
    }

    /// `referral.list`: filters, each optional: the practice's ODS code, a status, only those
    /// due for a call by `date` (today when not given), and the referrals' dates `from`…`to`.
    public struct ListReferrals: Decodable, Sendable {
        public var practice: String?
        public var status: String?
        public var due: Bool
        public var date: CalendarDate?
        public var from: CalendarDate?
        public var to: CalendarDate?

        public init(
            practice: String? = nil, status: String? = nil, due: Bool = false, date: CalendarDate? = nil, from: CalendarDate? = nil,
            to: CalendarDate? = nil
        ) {
            self.practice = practice
            self.status = status
            self.due = due
            self.date = date
            self.from = from
            self.to = to
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case practice, status, due, date, from, to }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            practice = try c.decodeIfPresent(String.self, forKey: .practice).map { $0.uppercased() }
            status = try c.decodeIfPresent(String.self, forKey: .status)
            due = try c.decodeIfPresent(Bool.self, forKey: .due) ?? false
            date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
            from = try c.decodeIfPresent(CalendarDate.self, forKey: .from)
            to = try c.decodeIfPresent(CalendarDate.self, forKey: .to)
        }
    }

    /// `referral.due`: the day to look from (today when not given).
    public struct DueReferrals: Decodable, Sendable {
        public var date: CalendarDate?

        public init(date: CalendarDate? = nil) { self.date = date }

        private enum CodingKeys: String, CodingKey, CaseIterable { case date }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        }
    }
}

extension MethodResults {
    /// A referral in a list: where it stands and when it next needs a call.
    public struct ReferralSummary: Encodable, Sendable, Hashable {
        public var id: String
        public var person: String
        public var date: CalendarDate
        public var practice: String?
        public var status: ReferralStatus
        /// The day it reached its status.
        public var since: CalendarDate
        /// The day it needs a call; absent when its status needs none.
        public var nextCall: CalendarDate?
        /// What the call is for.
        public var why: String?
    }

    /// `referral.list`.
    public struct Referrals: Encodable, Sendable {
        public var referrals: [ReferralSummary]
    }

    /// `referral.due`: the referrals needing a call on `date` or before, most overdue first.
    public struct Due: Encodable, Sendable {
        public var date: CalendarDate
        public var due: [ReferralSummary]
    }

    /// `referral.message`: the message back to the referrer, in words and as structured data.
    public struct ReferralMessage: Encodable, Sendable {
        public var id: String
        /// A plain-English summary to paste into the GP record.
        public var text: String
        /// The same, structured, with its SNOMED CT codes.
        public var record: MessageRecord
    }

    /// The structured message back: the referral, its coded events, what was offered and chosen.
    /// A member offered for one-to-one support, in the message back: who, and which support.
    public struct OneToOneOffer: Encodable, Sendable {
        public var member: String
        public var support: OneToOneSupport
    }

    public struct MessageRecord: Encodable, Sendable {
        public var referral: String
        public var person: String
        public var practice: String?
        public var referred: CalendarDate
        public var status: ReferralStatus
        public var codes: [CodedEvent]
        public var offered: [String]
        /// The members offered for one-to-one support, each `{"member", "support"}` (absent when none).
        public var oneToOne: [OneToOneOffer] = []
        public var chosen: String?
        public var history: [StatusChange]
        /// Wellbeing measured before and after, each with its change and verdict (absent when none).
        public var wellbeing: [WellbeingOutcome]

        private enum CodingKeys: String, CodingKey {
            case referral, person, practice, referred, status, codes, offered, oneToOne, chosen, history, wellbeing
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(referral, forKey: .referral)
            try c.encode(person, forKey: .person)
            try c.encodeIfPresent(practice, forKey: .practice)
            try c.encode(referred, forKey: .referred)
            try c.encode(status, forKey: .status)
            try c.encode(codes, forKey: .codes)
            try c.encode(offered, forKey: .offered)
            if !oneToOne.isEmpty { try c.encode(oneToOne, forKey: .oneToOne) }
            try c.encodeIfPresent(chosen, forKey: .chosen)
            try c.encode(history, forKey: .history)
            if !wellbeing.isEmpty { try c.encode(wellbeing, forKey: .wellbeing) }
        }
    }

    /// A SNOMED CT concept recorded on a day.
    public struct CodedEvent: Encodable, Sendable, Hashable {
        public var system: String
        public var code: String
        public var display: String
        public var date: CalendarDate
    }
}
