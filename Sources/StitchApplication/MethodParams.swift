public import StitchEngine
public import StitchModel

/// The inputs of each use case, decoded with field paths (see docs/protocol.md).
///
/// Every interface reads its input into these: the JSON-RPC transports from a request's
/// `params`, the HTTP interface from a body, the CLI from its options.
public enum MethodParams {
    /// `community.load`: a file under the allowed folder, or a community inline.
    public struct Load: Decodable, Sendable {
        public var path: String?
        public var community: Community?
        /// The ongoing pairings listed beside the inline community (its `pairings`, ``CommunityFile``).
        public var pairings: [Pairing]

        public init(path: String? = nil, community: Community? = nil, pairings: [Pairing] = []) {
            self.path = path
            self.community = community
            self.pairings = pairings
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case path, community }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            path = try c.decodeIfPresent(String.self, forKey: .path)
            let file = try c.decodeIfPresent(CommunityFile.self, forKey: .community)
            community = file?.community
            pairings = file?.pairings ?? []
        }
    }

    /// `member.upsert`.
    public struct UpsertMember: Decodable, Sendable {
        public var member: Member
        public init(member: Member) { self.member = member }

        private enum CodingKeys: String, CodingKey, CaseIterable { case member }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            member = try c.decode(Member.self, forKey: .member)
        }
    }

    /// `activity.upsert`.
    public struct UpsertActivity: Decodable, Sendable {
        public var activity: Activity
        public init(activity: Activity) { self.activity = activity }

        private enum CodingKeys: String, CodingKey, CaseIterable { case activity }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            activity = try c.decode(Activity.self, forKey: .activity)
        }
    }

    /// `member.remove`, `activity.remove`.
    public struct RemoveByID: Decodable, Sendable {
        public var id: String
        public init(id: String) { self.id = id }

        private enum CodingKeys: String, CodingKey, CaseIterable { case id }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            id = try c.decode(String.self, forKey: .id)
        }
    }

    /// `exchange.record`.
    public struct RecordExchange: Decodable, Sendable {
        public var exchange: Exchange
        public init(exchange: Exchange) { self.exchange = exchange }

        private enum CodingKeys: String, CodingKey, CaseIterable { case exchange }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            exchange = try c.decode(Exchange.self, forKey: .exchange)
        }
    }

    /// `attendance.record`.
    public struct RecordAttendance: Decodable, Sendable {
        public var attendance: Attendance
        public init(attendance: Attendance) { self.attendance = attendance }

        private enum CodingKeys: String, CodingKey, CaseIterable { case attendance }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            attendance = try c.decode(Attendance.self, forKey: .attendance)
        }
    }

    /// `match.helpers`: who can help with a request.
    public struct Helpers: Decodable, Sendable {
        public var request: HelpRequest
        public var limit: Int?
        public var profile: ScoringProfile?

        public init(request: HelpRequest, limit: Int? = nil, profile: ScoringProfile? = nil) {
            self.request = request
            self.limit = limit
            self.profile = profile
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case request, limit, profile }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            request = try c.decode(HelpRequest.self, forKey: .request)
            limit = try c.decodeWholeNumber(forKey: .limit)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    /// `match.opportunities`: chances for a member to give.
    public struct Opportunities: Decodable, Sendable {
        public var member: String
        public var limit: Int?
        public var profile: ScoringProfile?

        public init(member: String, limit: Int? = nil, profile: ScoringProfile? = nil) {
            self.member = member
            self.limit = limit
            self.profile = profile
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case member, limit, profile }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            member = try c.decode(String.self, forKey: .member)
            limit = try c.decodeWholeNumber(forKey: .limit)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    /// `refer.activities`: activities for a referred person, each with a buddy.
    public struct Refer: Decodable, Sendable {
        public var referral: Referral
        public var limit: Int?
        public var withBuddy: Bool?
        public var profile: ScoringProfile?

        public init(referral: Referral, limit: Int? = nil, withBuddy: Bool? = nil, profile: ScoringProfile? = nil) {
            self.referral = referral
            self.limit = limit
            self.withBuddy = withBuddy
            self.profile = profile
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case referral, limit, withBuddy, profile }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            referral = try c.decode(Referral.self, forKey: .referral)
            limit = try c.decodeWholeNumber(forKey: .limit)
            withBuddy = try c.decodeIfPresent(Bool.self, forKey: .withBuddy)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }

    /// `network.analyse`: the resolution of the communities and the window of recent ties.
    ///
    /// `resolution` (`γ`, default 1) is the Leiden algorithm's: above 1 finds more, smaller
    /// communities, below 1 fewer, larger ones. `isolationMonths` (default 6) is the window of
    /// `isolation.noRecentTies`. The number of communities `k` is no longer taken: the algorithm
    /// finds it, and a `k` is refused with a reason saying to set `resolution`.
    public struct Network: Decodable, Sendable {
        public var resolution: Double?
        public var isolationMonths: Int?
        /// The pictures to draw with the analysis, as Graphviz DOT text (none when absent).
        public var pictures: Pictures?

        public init(resolution: Double? = nil, isolationMonths: Int? = nil, pictures: Pictures? = nil) {
            self.resolution = resolution
            self.isolationMonths = isolationMonths
            self.pictures = pictures
        }

        /// `pictures`: `{"overview": true, "communities": [3, 5], "names": false}`. Members appear by
        /// id; by name only when `names` is true.
        public struct Pictures: Decodable, Sendable, Hashable {
            public var overview: Bool
            public var communities: [Int]
            public var names: Bool

            /// The most community pictures one request may ask for.
            public static let maximumCommunities = 20

            public init(overview: Bool = false, communities: [Int] = [], names: Bool = false) {
                self.overview = overview
                self.communities = communities
                self.names = names
            }

            private enum CodingKeys: String, CodingKey, CaseIterable { case overview, communities, names }
            /// The keys of `pictures`: any other is refused.
            public static let fieldKeys = RecordKeys(CodingKeys.self)
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                try decoder.rejectUnknownKeys(Self.fieldKeys)
                overview = try c.decodeIfPresent(Bool.self, forKey: .overview) ?? false
                names = try c.decodeIfPresent(Bool.self, forKey: .names) ?? false
                let communities = try c.decodeIfPresent([CommunityNumber].self, forKey: .communities) ?? []
                guard communities.count <= Self.maximumCommunities else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .communities, in: c,
                        debugDescription: "asks for \(communities.count) pictures; at most \(Self.maximumCommunities) at a time")
                }
                self.communities = communities.map(\.value)
            }

            /// One community's number: a whole number from 0, refused at its place in the list.
            private struct CommunityNumber: Decodable {
                var value: Int
                init(from decoder: any Decoder) throws {
                    let c = try decoder.singleValueContainer()
                    let number = try c.decode(Double.self)
                    guard number.isFinite, number >= 0, number == number.rounded(), number < 1_000_000 else {
                        throw DecodingError.dataCorruptedError(
                            in: c, debugDescription: "must be a community's number, a whole number from 0, as the analysis lists them")
                    }
                    value = Int(number)
                }
            }
        }

        /// The accepted resolutions.
        public static let resolutions: ClosedRange<Double> = 0.01...100
        /// The accepted windows, in months.
        public static let months: ClosedRange<Int> = 1...120

        /// Why `resolution` is refused, or `nil` when it is accepted.
        public static func problem(resolution: Double) -> String? {
            guard !(resolution.isFinite && resolutions.contains(resolution)) else { return nil }
            return "must be a number from 0.01 to 100 (1 is the usual modularity; higher finds more, smaller communities)"
        }

        /// Why `isolationMonths` is refused, or `nil` when it is accepted.
        public static func problem(isolationMonths: Int) -> String? {
            months.contains(isolationMonths) ? nil : "must be a whole number of months from 1 to 120"
        }

        /// Why `k` is refused.
        public static let retiredK =
            "is no longer taken: communities are found by the Leiden algorithm, which chooses their number; "
            + "set resolution instead (default 1; higher gives more, smaller communities)"

        private enum CodingKeys: String, CodingKey, CaseIterable { case resolution, isolationMonths, pictures }
        private enum RetiredKeys: String, CodingKey { case k }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let retired = try decoder.container(keyedBy: RetiredKeys.self)
            if retired.contains(.k) {
                throw DecodingError.dataCorruptedError(forKey: .k, in: retired, debugDescription: Self.retiredK)
            }
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            resolution = try c.decodeIfPresent(Double.self, forKey: .resolution)
            if let resolution, let problem = Self.problem(resolution: resolution) {
                throw DecodingError.dataCorruptedError(forKey: .resolution, in: c, debugDescription: problem)
            }
            isolationMonths = try c.decodeWholeNumber(forKey: .isolationMonths)
            if let isolationMonths, let problem = Self.problem(isolationMonths: isolationMonths) {
                throw DecodingError.dataCorruptedError(forKey: .isolationMonths, in: c, debugDescription: problem)
            }
            pictures = try c.decodeIfPresent(Pictures.self, forKey: .pictures)
        }
    }

    /// `weights.get` and `weights.set`.
    public struct Weights: Decodable, Sendable {
        public var profile: ScoringProfile?
        public var weights: FactorWeights?

        public init(profile: ScoringProfile? = nil, weights: FactorWeights? = nil) {
            self.profile = profile
            self.weights = weights
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case profile, weights }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
            weights = try c.decodeIfPresent(FactorWeights.self, forKey: .weights)
        }
    }

    /// `weights.calibrate`.
    public struct Calibrate: Decodable, Sendable {
        public var profile: ScoringProfile?
        public init(profile: ScoringProfile? = nil) { self.profile = profile }

        private enum CodingKeys: String, CodingKey, CaseIterable { case profile }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            profile = try c.decodeIfPresent(ScoringProfile.self, forKey: .profile)
        }
    }
}

/// The answers of the write and administrative use cases (queries answer the engine's own
/// ``Ranking``, ``Match``, ``NetworkAnalysis`` and plan types).
public enum MethodResults {
    /// `community.load`: what was loaded.
    public struct Loaded: Encodable, Sendable {
        public var members: Int
        public var activities: Int
        public var exchanges: Int
        public var attendance: Int
    }

    /// The id of the record written or removed.
    public struct ID: Encodable, Sendable {
        public var id: String
    }

    /// A member's time-credit balance.
    public struct Balance: Encodable, Sendable {
        public var id: String
        public var balance: Double
    }

    /// `exchange.record`: both members' balances after the exchange.
    public struct Balances: Encodable, Sendable {
        public var giver: Balance
        public var receiver: Balance
    }

    /// A profile's weights in force.
    public struct Weights: Encodable, Sendable {
        public var profile: ScoringProfile
        public var weights: FactorWeights
    }

    /// `weights.calibrate`: the weights' shape, with the number of outcomes fitted.
    public struct Calibrated: Encodable, Sendable {
        public var profile: ScoringProfile
        public var weights: FactorWeights
        public var outcomes: Int
    }

    /// `server.health`.
    public struct Health: Encodable, Sendable {
        public var status: String
        public var members: Int
        public var activities: Int
        public var referenceDate: String
        /// True while writes since the last full build wait for the background rebuild.
        public var rebuildPending: Bool
        /// `on` when words are matched by meaning, else `off` (then `notes` says why).
        public var meaning: String
        /// What an operator should know: why meaning-based matching is off.
        public var notes: [String]
        /// Active members' DBS checks expired, or expiring within ``StitchService/dbsNoticeDays``
        /// days of today, soonest first: ids, days and levels only.
        public var dbsExpiring: [DBSExpiry] = []
    }
}

/// `{}`: the answer of a write that has nothing more to say.
public struct EmptyResult: Codable, Sendable {
    public init() {}
}

extension MethodParams {
    /// `match.undismiss`: the pair whose dismissal to take back.
    public struct Undismiss: Decodable, Sendable {
        public var subject: String
        public var candidate: String
        public init(subject: String, candidate: String) {
            self.subject = subject
            self.candidate = candidate
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case subject, candidate }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            subject = try c.decode(String.self, forKey: .subject)
            candidate = try c.decode(String.self, forKey: .candidate)
            for (key, id) in [(CodingKeys.subject, subject), (.candidate, candidate)] {
                if let problem = RecordBounds.idProblem(id) {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: problem)
                }
            }
        }
    }

    /// `match.dismissals`: the dismissals kept, of one subject or of everyone.
    public struct Dismissals: Decodable, Sendable {
        public var subject: String?
        public init(subject: String? = nil) { self.subject = subject }

        private enum CodingKeys: String, CodingKey, CaseIterable { case subject }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            subject = try c.decodeIfPresent(String.self, forKey: .subject)
        }
    }
}

extension MethodResults {
    /// `match.undismiss`: whether a dismissal was taken back (false when the pair was not dismissed).
    public struct Undismissed: Encodable, Sendable {
        public var removed: Bool
    }

    /// `match.dismissals`: the dismissals kept, by subject then candidate, each with whether it
    /// holds today.
    public struct Dismissals: Encodable, Sendable {
        public var dismissals: [Listed]

        /// One dismissal as listed.
        public struct Listed: Encodable, Sendable {
            public var subject: String
            public var candidate: String
            public var reason: String?
            public var until: CalendarDate?
            public var date: CalendarDate?
            /// False once `until` has passed: kept, but no longer honoured.
            public var active: Bool
        }
    }
}

extension MethodParams {
    /// `match.asks`: the asks kept, of one subject and/or one candidate, or every one.
    public struct Asks: Decodable, Sendable {
        public var subject: String?
        public var candidate: String?
        public init(subject: String? = nil, candidate: String? = nil) {
            self.subject = subject
            self.candidate = candidate
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case subject, candidate }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            subject = try c.decodeIfPresent(String.self, forKey: .subject)
            candidate = try c.decodeIfPresent(String.self, forKey: .candidate)
        }
    }

    /// `pairing.review`: the pairing of a person and kind, and its new review day.
    public struct PairingReview: Decodable, Sendable {
        public var person: String
        public var kind: String
        public var review: CalendarDate
        public init(person: String, kind: String, review: CalendarDate) {
            self.person = person
            self.kind = kind
            self.review = review
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case person, kind, review }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            person = try c.decode(String.self, forKey: .person)
            kind = try c.decode(String.self, forKey: .kind)
            review = try c.decode(CalendarDate.self, forKey: .review)
            if let problem = RecordBounds.idProblem(person) {
                throw DecodingError.dataCorruptedError(forKey: .person, in: c, debugDescription: problem)
            }
            var errors: [ValidationError] = []
            RecordBounds.checkText(kind, field: "kind", into: &errors)
            if let problem = errors.first {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: problem.reason)
            }
        }
    }

    /// `pairing.end`: the pairing of a person and kind to end.
    public struct PairingEnd: Decodable, Sendable {
        public var person: String
        public var kind: String
        public init(person: String, kind: String) {
            self.person = person
            self.kind = kind
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case person, kind }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            person = try c.decode(String.self, forKey: .person)
            kind = try c.decode(String.self, forKey: .kind)
            if let problem = RecordBounds.idProblem(person) {
                throw DecodingError.dataCorruptedError(forKey: .person, in: c, debugDescription: problem)
            }
            var errors: [ValidationError] = []
            RecordBounds.checkText(kind, field: "kind", into: &errors)
            if let problem = errors.first {
                throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: problem.reason)
            }
        }
    }

    /// `pairing.list`: the pairings kept, of one person and/or one helper, or every one.
    public struct Pairings: Decodable, Sendable {
        public var person: String?
        public var helper: String?
        public init(person: String? = nil, helper: String? = nil) {
            self.person = person
            self.helper = helper
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case person, helper }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            person = try c.decodeIfPresent(String.self, forKey: .person)
            helper = try c.decodeIfPresent(String.self, forKey: .helper)
        }
    }
}

extension MethodResults {
    /// `match.asks`: the asks kept, newest first, each with whether it is still pending.
    public struct Asks: Encodable, Sendable {
        public var asks: [Listed]

        /// One ask as listed.
        public struct Listed: Encodable, Sendable {
            public var subject: String
            public var candidate: String
            public var date: CalendarDate?
            /// True while no exchange from the helper to the person is dated on or after the ask.
            public var pending: Bool
        }
    }

    /// `pairing.list`: the pairings kept, by person then kind, each with whether it holds today.
    public struct Pairings: Encodable, Sendable {
        public var pairings: [Listed]

        /// One pairing as listed.
        public struct Listed: Encodable, Sendable {
            public var person: String
            public var helper: String
            public var kind: String
            public var start: CalendarDate?
            public var review: CalendarDate?
            /// False before the start and once the review day has passed unreviewed.
            public var active: Bool
        }
    }
}
