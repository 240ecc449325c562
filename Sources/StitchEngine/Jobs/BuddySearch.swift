import StitchModel

/// The best buddy for each activity of one referral, found without scoring everyone near the
/// person: the same answer as ranking every ``BuddyJob`` candidate and keeping the first.
///
/// A buddy candidate is an attendee of the activity, or a member within ``BuddyJob/searchKm`` of
/// the person whose interests or offers come close to the activity's topics. So instead of
/// walking everyone near the person, the search walks the interest and offer postings of the
/// topics close enough, and keeps those near the person. Before a candidate is scored in full
/// it must pass the checks that do not depend on the activity (not the person, active, no
/// safeguarding exclusion, within their own travel radius of the person, not overloaded), and
/// its best possible score — its activity-free factors (locality to the person, wellbeing,
/// reciprocity) exact, full marks for skill, availability and bridging — must reach the best
/// buddy found so far. Attendees go first: they know the activity, so the best so far is strong
/// early. Every candidate scored passes the buddy's full constraints, and ties go to the smaller
/// id, as in ranking.
struct BuddySearch {
    let index: CommunityIndex
    let person: PersonFeatures
    let weights: FactorWeights
    let bridging: BridgingFactor
    let avoided: Set<Int32>
    private let totalWeight: Double
    private let searchChordSquared: Double
    /// Each member's weighted activity-free part once computed for this referral (-1: not a
    /// candidate near the person; missing: not computed yet).
    private var parts: [Int32: Double] = [:]

    /// Scores larger by less than this are treated as ties when deciding to skip (the bound and
    /// the score sum their terms in different orders).
    static let slack = 1e-9

    init(index: CommunityIndex, person: PersonFeatures, weights: FactorWeights, bridging: BridgingFactor, avoided: Set<Int32>) {
        self.index = index
        self.person = person
        self.weights = weights
        self.bridging = bridging
        self.avoided = avoided
        totalWeight = weights.skill + weights.availability + weights.locality + weights.wellbeing + weights.bridging + weights.reciprocity
        searchChordSquared = GreatCircle.chordSquared(forKm: BuddyJob.searchKm)
    }

    /// The weighted activity-free part of a member's score with bridging at its best, or `nil`
    /// when the member is not near the person or fails a check that no activity could change.
    private mutating func part(_ m: Int32) -> Double? {
        if let known = parts[m] { return known < 0 ? nil : known }
        let i = Int(m)
        let members = index.members
        var value = -1.0
        if person.has(.hasLocation), members.has(i, .hasLocation),
            person.position.chordSquared(to: members.position[i]) <= searchChordSquared,
            person.memberIndex != m, members.has(i, .active), avoided.isEmpty || !avoided.contains(m),
            index.ledger.recentHours[i] <= index.configuration.overloadHours,
            GreatCircle.distanceKm(person.position, members.position[i]) <= members.travelKm[i]
        {
            let f = BuddyJob.activityFreeFactors(m, index: index, person: person)
            value = weights.locality * f.locality + weights.wellbeing * f.wellbeing + weights.reciprocity * f.reciprocity
                + weights.bridging
        }
        parts[m] = value
        return value < 0 ? nil : value
    }

    /// The best buddy for an activity, or `nil` when no one meets every constraint.
    mutating func best(activity: Int) -> Buddy? {
        let job = BuddyJob(
            index: index, person: person, activity: activity, bridging: bridging, avoided: avoided, weights: weights,
            nearby: [], countsExclusions: false)
        var best: Pipeline.Entry?
        func consider(_ c: Int32) {
            var report = ConstraintReport(explain: false)
            job.checkConstraints(c, &report)
            guard report.firstFailure == nil else { return }
            let f = job.factors(c).clamped()
            let entry = Pipeline.Entry(score: weights.combine(f), idRank: job.idRank(c), candidate: c, factors: f)
            if best.map({ $0 < entry }) ?? true { best = entry }
        }
        var seen = [UInt64](repeating: 0, count: (index.members.count + 63) / 64)
        @inline(__always) func first(_ m: Int32) -> Bool {
            let bit: UInt64 = 1 << UInt64(m & 63)
            guard seen[Int(m) >> 6] & bit == 0 else { return false }
            seen[Int(m) >> 6] |= bit
            return true
        }
        for m in index.attendees[activity] where first(m) { consider(m) }
        let activityPart = weights.skill + weights.availability
        for term in job.table.touched where job.table.level[Int(term)] >= SkillLevels.sibling {
            for postings in [index.interestPostings, index.offerPostings] where Int(term) < postings.rowCount {
                for m in postings[Int(term)] where first(m) {
                    guard let part = part(m) else { continue }
                    if let best, totalWeight > 0, (part + activityPart) / totalWeight < best.score - Self.slack { continue }
                    consider(m)
                }
            }
        }
        return best.map { Buddy(job.match($0.candidate, score: $0.score, factors: $0.factors)) }
    }
}
