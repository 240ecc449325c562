import HeapModule
import StitchModel

/// The best buddy for each activity of one referral, found without scoring everyone near the
/// person: the same answer as ranking every ``BuddyJob`` candidate and keeping the first.
///
/// A buddy's factors split in two. Locality (to the person), wellbeing, reciprocity and bridging
/// (to the person) do not depend on the activity; skill (knowing its topics) and availability
/// (being free at its times) do, and each is at most 1. So, once per referral, the members near
/// the person who pass the constraints that do not depend on the activity either (not the
/// person, active, no safeguarding exclusion, within their own travel radius of the person, not
/// overloaded) are put in a heap by their weighted activity-free part, counting bridging at its
/// best (1: the network model is consulted only for members scored in full). For each activity
/// its attendees are scored first, then members in heap order (popped only as far as some
/// activity needs, and kept for the next), until even full marks for skill and availability
/// could not beat the best buddy found: no one further down can. Every candidate
/// scored passes the buddy's full constraints, and ties go to the smaller id, as in ranking.
struct BuddySearch {
    let index: CommunityIndex
    let person: PersonFeatures
    let weights: FactorWeights
    let bridging: BridgingFactor
    let avoided: Set<Int32>
    /// Candidates near the person popped so far, by their activity-free part, best first.
    private var ordered: [Int32] = []
    /// Each one's weighted activity-free part (locality, wellbeing, reciprocity; bridging at 1).
    private var partial: [Double] = []
    /// The candidates not popped yet.
    private var waiting: Heap<Candidate>
    private let totalWeight: Double

    /// A candidate in the heap: a larger part first, then the smaller id.
    private struct Candidate: Comparable {
        var part: Double
        var rank: Int32
        var member: Int32
        static func < (a: Candidate, b: Candidate) -> Bool { a.part != b.part ? a.part < b.part : a.rank > b.rank }
        static func == (a: Candidate, b: Candidate) -> Bool { a.part == b.part && a.rank == b.rank }
    }

    /// Scores larger by less than this are treated as ties when deciding to stop (the bound and
    /// the score sum their terms in different orders).
    static let slack = 1e-9

    init(index: CommunityIndex, person: PersonFeatures, weights: FactorWeights, bridging: BridgingFactor, avoided: Set<Int32>) {
        self.index = index
        self.person = person
        self.weights = weights
        self.bridging = bridging
        self.avoided = avoided
        totalWeight = weights.skill + weights.availability + weights.locality + weights.wellbeing + weights.bridging + weights.reciprocity
        var candidates: [Candidate] = []
        for m in BuddyJob.nearby(person, index: index) {
            let i = Int(m)
            guard person.memberIndex != m, index.members.has(i, .active), avoided.isEmpty || !avoided.contains(m),
                index.ledger.recentHours[i] <= index.configuration.overloadHours
            else { continue }
            // Nearby members have a location, and so has the person (else no one is nearby).
            let km = GreatCircle.distanceKm(person.position, index.members.position[i])
            if km > index.members.travelKm[i] { continue }
            let f = BuddyJob.activityFreeFactors(m, km: km, index: index)
            let part = weights.locality * f.locality + weights.wellbeing * f.wellbeing + weights.reciprocity * f.reciprocity
                + weights.bridging * 1
            candidates.append(Candidate(part: part, rank: index.memberIDRank[i], member: m))
        }
        waiting = Heap(candidates)
    }

    /// The `i`th candidate in order, popping the heap as far as needed; `nil` past the last.
    private mutating func candidate(_ i: Int) -> (member: Int32, part: Double)? {
        while ordered.count <= i {
            guard let next = waiting.popMax() else { return nil }
            ordered.append(next.member)
            partial.append(next.part)
        }
        return (ordered[i], partial[i])
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
        for m in index.attendees[activity] { consider(m) }
        let activityPart = weights.skill + weights.availability
        var i = 0
        while let (m, part) = candidate(i) {
            i += 1
            if let best, totalWeight > 0, (part + activityPart) / totalWeight < best.score - Self.slack { break }
            guard job.sharesInterest(m), !index.attendees.sortedRow(activity, contains: m) else { continue }
            consider(m)
        }
        return best.map { Buddy(job.match($0.candidate, score: $0.score, factors: $0.factors)) }
    }
}
