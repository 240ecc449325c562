public import StitchModel

extension MethodParams {
    /// `referral.wellbeing`: one occasion's wellbeing scores on a referral, before or after, and
    /// the activity they speak to (the referral's chosen activity when not given).
    ///
    /// `{"id": "r-1", "when": "after", "activity": "a-knit-natter", "scores": {"date":
    /// "2026-12-14", "swemwbs": [3, 4, 3, 4, 3, 3, 4], "ons4": {"satisfied": 6, "worthwhile": 7,
    /// "happy": 6, "anxious": 3}}}`: every item is checked and a bad one named by its path
    /// (`scores.swemwbs[3]`, `scores.ons4.anxious`).
    public struct RecordWellbeing: Decodable, Sendable {
        public var id: String
        /// `before` or `after`.
        public var when: String
        public var activity: String?
        public var scores: WellbeingScores

        public init(id: String, when: String, activity: String? = nil, scores: WellbeingScores) {
            self.id = id
            self.when = when
            self.activity = activity
            self.scores = scores
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case id, when, activity, scores }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            id = try c.decode(String.self, forKey: .id)
            when = try c.decode(String.self, forKey: .when)
            activity = try c.decodeIfPresent(String.self, forKey: .activity)
            scores = try c.decode(WellbeingScores.self, forKey: .scores)
        }
    }
}

extension MethodResults {
    /// The minimal important differences wellbeing changes are judged against: SWEMWBS in metric
    /// points, each ONS4 question in points (docs/referrals.md, "Measures").
    public struct MinimalImportantDifferences: Encodable, Sendable, Hashable {
        public var swemwbs = SWEMWBS.minimalImportantDifference
        public var ons4 = ONS4.minimalImportantDifference
    }

    /// One wellbeing measurement of a referral as it is answered and written back: the answers
    /// before and after, the change in each measure taken both times with its verdict, the
    /// minimal important differences, and the same in plain English.
    public struct WellbeingOutcome: Encodable, Sendable {
        /// The referral.
        public var id: String
        public var activity: String?
        /// The activity's name, when known.
        public var name: String?
        public var before: WellbeingScores
        public var after: WellbeingScores?
        public var change: WellbeingChange?
        public var minimalImportantDifference = MinimalImportantDifferences()
        /// "Wellbeing at Knit and Natter: SWEMWBS 16.88 → 20.73 metric points (+3.85), improved …"
        public var text: String
    }
}
