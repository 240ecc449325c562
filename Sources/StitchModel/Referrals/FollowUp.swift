/// When a referral in each status needs a call, and why (docs/referrals.md, "Follow-up").
///
/// Each open status has an interval from the day the referral reached it: in working days
/// (Monday to Friday) or calendar days. The defaults follow common link-worker practice: first
/// contact within 5 working days of the referral, an offer within 10 working days of the first
/// conversation, a check 14 days after an offer that the person went, a check 6 weeks into
/// attending that it is going well, and a call within 5 working days after a missed session.
///
/// `{"referred": {"days": 5, "working": true}, "offered": {"days": 14}}`: the statuses given
/// replace the defaults; the others keep theirs.
public struct FollowUpPolicy: Sendable, Hashable, Codable {
    /// One status's interval.
    public struct Interval: Sendable, Hashable, Codable {
        public var days: Int
        /// Count Monday to Friday only.
        public var working: Bool

        public init(days: Int, working: Bool = false) {
            self.days = days
            self.working = working
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case days, working }
        /// The keys of its JSON object: any other key is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            days = try c.decode(Int.self, forKey: .days)
            working = try c.decode(Bool.self, forKey: .working, default: false)
            guard (0...366).contains(days) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .days, in: c, debugDescription: "\(days) is out of range; expected 0 to 366 days")
            }
        }
    }

    /// The interval of each open status that has one.
    public var intervals: [ReferralStatus: Interval]

    /// The defaults (see the type's notes).
    public static let standard = FollowUpPolicy(intervals: [
        .referred: Interval(days: 5, working: true),
        .contacted: Interval(days: 10, working: true),
        .offered: Interval(days: 14),
        .attending: Interval(days: 42),
        .didNotAttend: Interval(days: 5, working: true),
    ])

    public init(intervals: [ReferralStatus: Interval]) {
        self.intervals = intervals
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        var intervals = Self.standard.intervals
        for key in c.allKeys {
            guard let status = ReferralStatus(rawValue: key.stringValue), status.isOpen else {
                let open = ReferralStatus.allCases.filter(\.isOpen).map(\.rawValue)
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: c,
                    debugDescription: NearestWord.unknown("status", key.stringValue, among: open))
            }
            intervals[status] = try c.decode(Interval.self, forKey: key)
        }
        self.intervals = intervals
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (status, interval) in intervals.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try c.encode(interval, forKey: AnyKey(status.rawValue))
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The day a referral that reached `status` on `since` needs a call; `nil` when the status
    /// has none (completed, declined, closed).
    public func due(_ status: ReferralStatus, since: CalendarDate) -> CalendarDate? {
        guard let interval = intervals[status] else { return nil }
        guard interval.working else { return since.adding(days: interval.days) }
        var day = since
        var left = interval.days
        while left > 0 {
            day = day.adding(days: 1)
            if day.weekday != .sat && day.weekday != .sun { left -= 1 }
        }
        return day
    }

    /// What the call is for, in words a link worker reads.
    public static func why(_ status: ReferralStatus) -> String {
        switch status {
        case .referred: "make first contact"
        case .contacted: "offer activities"
        case .offered: "check they went to their first session"
        case .attending: "check it is going well, and record their wellbeing"
        case .didNotAttend: "call after a missed session"
        case .completed, .declined, .closed: "no follow-up"
        }
    }
}
