public import StitchEngine

/// The abstract allocation problem: referrals, the activities each may be placed in with a
/// value for each placement, and the places each activity has left.
///
/// The solvers work on this graph alone, not on the engine, so they can be checked directly
/// against independent solvers on random graphs. Values are whole numbers (a score times
/// ``valueScale``, rounded), so the flow algorithms use exact integer arithmetic.
///
/// Referrals may belong to groups (a GP practice) with an optional cap on how many placements
/// the group's referrals may take between them.
///
/// ```swift
/// let graph = try CandidateGraph(
///     activityCapacities: [1, 2],
///     candidates: [[.init(activity: 0, value: 900_000)], [.init(activity: 0, value: 800_000), .init(activity: 1, value: 100_000)]])
/// let allocation = AssignmentSolver.solve(graph)   // referral 0 → activity 0, referral 1 → activity 1
/// ```
public struct CandidateGraph: Sendable, Hashable {
    /// One feasible placement of a referral.
    public struct Candidate: Sendable, Hashable {
        /// Index of the activity in ``activityCapacities``.
        public var activity: Int
        /// The placement's value, in 0...``CandidateGraph/valueScale``.
        public var value: Int64

        public init(activity: Int, value: Int64) {
            self.activity = activity
            self.value = value
        }
    }

    /// A score of 1 is worth this much: scores are kept to six decimals.
    public static let valueScale: Int64 = 1_000_000
    /// The most placements a graph may hold in all (referrals × ``referralCapacity``), so that
    /// every sum of costs fits in 64 bits.
    public static let maximumUnits = 1_000_000

    /// Places left at each activity.
    public let activityCapacities: [Int]
    /// The most placements of one referral (the request's `maxPerPerson`).
    public let referralCapacity: Int
    /// The group of each referral: an index into ``groupCapacities``, or `nil` for none.
    public let groups: [Int?]
    /// The most placements each group's referrals may take between them (`nil`: no cap).
    public let groupCapacities: [Int?]

    // The candidates in compressed rows: referral r's are at start[r]..<start[r + 1].
    let start: [Int]
    let activity: [Int32]
    let value: [Int64]

    /// Checks and stores a graph.
    ///
    /// - Throws: ``QueryError/invalid(field:reason:)`` naming the first bad field: a negative
    ///   capacity, a value outside 0...``valueScale``, an activity index out of range, an
    ///   activity listed twice for one referral, an unknown group, or too many placements.
    public init(
        activityCapacities: [Int], referralCapacity: Int = 1, candidates: [[Candidate]],
        groups: [Int?]? = nil, groupCapacities: [Int?] = []
    ) throws(QueryError) {
        for (a, c) in activityCapacities.enumerated() where c < 0 {
            throw .invalid(field: "activityCapacities[\(a)]", reason: "\(c) must not be negative")
        }
        guard referralCapacity >= 1 else { throw .invalid(field: "referralCapacity", reason: "must be at least 1") }
        guard referralCapacity <= Self.maximumUnits, candidates.count * referralCapacity <= Self.maximumUnits else {
            throw .invalid(field: "candidates", reason: "at most \(Self.maximumUnits) placements in all")
        }
        for (g, c) in groupCapacities.enumerated() where (c ?? 0) < 0 {
            throw .invalid(field: "groupCapacities[\(g)]", reason: "\(c ?? 0) must not be negative")
        }
        let groups = groups ?? Array(repeating: nil, count: candidates.count)
        guard groups.count == candidates.count else {
            throw .invalid(field: "groups", reason: "needs one entry per referral (\(candidates.count))")
        }
        for (r, g) in groups.enumerated() {
            if let g, !groupCapacities.indices.contains(g) {
                throw .invalid(field: "groups[\(r)]", reason: "unknown group \(g)")
            }
        }
        var start = [0]
        var activity: [Int32] = []
        var value: [Int64] = []
        start.reserveCapacity(candidates.count + 1)
        var seen = Array(repeating: -1, count: activityCapacities.count)
        for (r, list) in candidates.enumerated() {
            for (k, c) in list.enumerated() {
                guard activityCapacities.indices.contains(c.activity) else {
                    throw .invalid(field: "candidates[\(r)][\(k)].activity", reason: "no activity \(c.activity)")
                }
                guard (0...Self.valueScale).contains(c.value) else {
                    throw .invalid(field: "candidates[\(r)][\(k)].value", reason: "must be in 0...\(Self.valueScale)")
                }
                guard seen[c.activity] != r else {
                    throw .invalid(
                        field: "candidates[\(r)][\(k)].activity", reason: "activity \(c.activity) is listed twice")
                }
                seen[c.activity] = r
                activity.append(Int32(c.activity))
                value.append(c.value)
            }
            start.append(activity.count)
        }
        self.activityCapacities = activityCapacities
        self.referralCapacity = referralCapacity
        self.groups = groups
        self.groupCapacities = groupCapacities
        self.start = start
        self.activity = activity
        self.value = value
    }

    /// The value of a placement with this score (clamped into [0, 1]; NaN counts as 0).
    public static func value(forScore score: Double) -> Int64 {
        guard score.isFinite else { return score == .infinity ? valueScale : 0 }
        return Int64((min(1, max(0, score)) * Double(valueScale)).rounded())
    }

    /// Number of referrals.
    public var referralCount: Int { self.start.count - 1 }
    /// Number of activities.
    public var activityCount: Int { self.activityCapacities.count }
    /// Number of candidate placements.
    public var candidateCount: Int { self.activity.count }

    /// The candidates of one referral, in the order given.
    public func candidates(of referral: Int) -> [Candidate] {
        (self.start[referral]..<self.start[referral + 1]).map {
            Candidate(activity: Int(self.activity[$0]), value: self.value[$0])
        }
    }
}
