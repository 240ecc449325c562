public import StitchModel

extension MethodParams {
    /// `referral.report`: the referrals to count, by practice and by the referrals' dates.
    public struct ReferralReport: Decodable, Sendable {
        public var practice: String?
        public var from: CalendarDate?
        public var to: CalendarDate?

        public init(practice: String? = nil, from: CalendarDate? = nil, to: CalendarDate? = nil) {
            self.practice = practice
            self.from = from
            self.to = to
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case practice, from, to }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            practice = try c.decodeIfPresent(String.self, forKey: .practice).map { $0.uppercased() }
            from = try c.decodeIfPresent(CalendarDate.self, forKey: .from)
            to = try c.decodeIfPresent(CalendarDate.self, forKey: .to)
        }
    }
}

extension MethodResults {
    /// `referral.report`: what became of a practice's (or every) referral, for the practice and
    /// the connector (docs/referrals.md, "Reports").
    public struct ReferralReport: Encodable, Sendable {
        /// The referrals counted.
        public var referrals: Int
        /// How many are in each status now (every status present, 0 when none).
        public var byStatus: [String: Int]
        /// How many name each need or concern (from their reasons, or as set).
        public var byNeed: [String: Int]
        /// How many came from each practice (`none` for a referral without one).
        public var byPractice: [String: Int]
        /// Of the referrals offered activities, the share that started going to one; `null` when none was offered.
        public var uptake: Double?
        /// Of the referrals that started going, the share that completed; `null` when none started.
        public var completion: Double?
        /// The median number of days from referral to first contact; `null` when none was contacted.
        public var medianDaysToFirstContact: Double?
        /// Each activity offered: how often it was offered and chosen, and whether it is full.
        public var activities: [ActivityUse]
        /// Activities of the community nobody was offered, chose or attended.
        public var unused: [String]
        /// Wellbeing change, measured before and after, overall, by activity and by topic.
        public var wellbeing: WellbeingReport
    }

    /// The wellbeing changes of the referrals counted: every change, then those of each activity
    /// and of each of the activities' topics (an activity with several topics counts in each),
    /// each summarised with its mean, 95% interval and verdicts against the minimal important
    /// differences.
    public struct WellbeingReport: Encodable, Sendable {
        /// Every measurement with a change (for an activity or not).
        public var all: WellbeingChangeSummary
        public var byActivity: [ActivityWellbeing]
        public var byTopic: [TopicWellbeing]
        public var minimalImportantDifference = MinimalImportantDifferences()
    }

    /// The wellbeing changes of the people measured for one activity.
    public struct ActivityWellbeing: Encodable, Sendable {
        public var activity: String
        public var name: String?
        public var summary: WellbeingChangeSummary
    }

    /// The wellbeing changes of the people measured for activities of one topic.
    public struct TopicWellbeing: Encodable, Sendable {
        public var topic: String
        public var summary: WellbeingChangeSummary
    }

    /// One activity's part in the referrals counted.
    public struct ActivityUse: Encodable, Sendable, Hashable {
        public var activity: String
        public var name: String?
        public var offered: Int
        public var chosen: Int
        /// Every place is taken (`enrolled` has reached `capacity`).
        public var full: Bool
    }
}

extension StitchService {
    /// `referral.report`: referrals by status, need and practice, uptake and completion rates,
    /// the median time to first contact, which activities are offered, chosen, full or unused,
    /// and the wellbeing change by activity and topic.
    public func referralReport(_ params: MethodParams.ReferralReport) throws(ServiceError) -> MethodResults.ReferralReport {
        let chosen = try referrals(practice: params.practice, from: params.from, to: params.to)
        var byStatus = Dictionary(uniqueKeysWithValues: ReferralStatus.allCases.map { ($0.rawValue, 0) })
        var byNeed: [String: Int] = [:]
        var byPractice: [String: Int] = [:]
        var offeredCount = 0, started = 0, completed = 0
        var firstContact: [Int] = []
        var offers: [String: Int] = [:], choices: [String: Int] = [:]
        for record in chosen {
            byStatus[record.status.rawValue, default: 0] += 1
            for need in Set(record.needs) { byNeed[need, default: 0] += 1 }
            byPractice[record.referrer?.practice ?? "none", default: 0] += 1
            let reached = Set(record.history.map(\.status))
            if reached.contains(.offered) || reached.contains(.attending) { offeredCount += 1 }
            if reached.contains(.attending) {
                started += 1
                if reached.contains(.completed) { completed += 1 }
            }
            if let contact = record.history.first(where: { $0.status == .contacted }) {
                firstContact.append(contact.date.dayNumber - record.date.dayNumber)
            }
            for offer in record.offered { offers[offer.activity, default: 0] += 1 }
            if let activity = record.chosenActivity { choices[activity, default: 0] += 1 }
        }
        let activities = community.activities
        let byID = Dictionary(activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let attended = Set(community.attendance.map(\.activity))
        let uses = Set(offers.keys).union(choices.keys).sorted().map { id in
            let activity = byID[id]
            return MethodResults.ActivityUse(
                activity: id, name: activity?.name, offered: offers[id] ?? 0, chosen: choices[id] ?? 0,
                full: activity.map(Self.isFull) ?? false)
        }
        let wellbeing = Self.wellbeingReport(chosen, activities: byID)
        let unused = activities.map(\.id).filter { offers[$0] == nil && choices[$0] == nil && !attended.contains($0) }.sorted()
        return .init(
            referrals: chosen.count, byStatus: byStatus, byNeed: byNeed, byPractice: byPractice,
            uptake: offeredCount == 0 ? nil : Double(started) / Double(offeredCount),
            completion: started == 0 ? nil : Double(completed) / Double(started),
            medianDaysToFirstContact: Self.median(firstContact), activities: uses, unused: unused, wellbeing: wellbeing)
    }

    /// The changes of `records`' measurements, overall, by activity and by the activities' topics.
    static func wellbeingReport(_ records: [ReferralRecord], activities: [String: Activity]) -> MethodResults.WellbeingReport {
        var all: [WellbeingChange] = []
        var byActivity: [(String, WellbeingChange)] = []
        var byTopic: [(String, WellbeingChange)] = []
        var names: [String: String] = [:]
        for record in records {
            for entry in record.wellbeing {
                guard let change = entry.change, !change.isEmpty else { continue }
                all.append(change)
                guard let id = entry.activity else { continue }
                byActivity.append((id, change))
                names[id] = activities[id]?.name ?? record.offered.first(where: { $0.activity == id })?.name
                for topic in Set(activities[id]?.topics ?? []) { byTopic.append((topic, change)) }
            }
        }
        return .init(
            all: WellbeingChangeSummary(all),
            byActivity: WellbeingChangeSummary.grouped(byActivity).sorted { $0.key < $1.key }.map {
                .init(activity: $0.key, name: names[$0.key], summary: $0.value)
            },
            byTopic: WellbeingChangeSummary.grouped(byTopic).sorted { $0.key < $1.key }.map { .init(topic: $0.key, summary: $0.value) })
    }

    /// Every place is taken.
    static func isFull(_ activity: Activity) -> Bool {
        guard let capacity = activity.capacity else { return false }
        return activity.enrolled >= capacity
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? Double(sorted[middle - 1] + sorted[middle]) / 2 : Double(sorted[middle])
    }
}
