import StitchModel

/// The best buddy for each activity of one referral, found without scoring everyone near the
/// person: the same answer as ranking every ``BuddyJob`` candidate and keeping the first.
///
/// A buddy's factors split in two. Locality (to the person), wellbeing, reciprocity and bridging
/// (to the person) do not depend on the activity; skill (knowing its topics) and availability
/// (being free at its times) do, and each is at most 1. The buddy's fit with the person
/// (``BuddyFit``) does not depend on the activity and is exact. So, once per referral, the
/// members near the person who pass the constraints that do not depend on the activity either
/// (not the person, active, no safeguarding exclusion, within their own travel radius of the
/// person, not overloaded) are ordered by a bound on their activity-free part of the score (the
/// weighted factors' share plus the fit's share, ``BuddyFit/blend(_:fit:)``): locality from
/// the straight-line distance (never below the true one), wellbeing and reciprocity as they are,
/// bridging at its best (1), the fit as it is. The order is made lazily: one counting pass puts the members in
/// buckets of their bound, and a bucket is sorted only when the walk reaches it. For each
/// activity its attendees are scored first, then members in that order (sorted only as far as
/// some activity needs, and kept for the next), until even
/// full marks for skill and availability could not beat the best buddy found: no one further
/// down can. Every candidate scored passes the buddy's full constraints, and ties go to the
/// smaller id, as in ranking.
///
/// Whether a member shares an activity's interest is one AND: the terms close enough to any of
/// the referral's activities get a bit each, and each member popped gets the mask of their
/// interests and offers once.
struct BuddySearch {
    let index: CommunityIndex
    let person: PersonFeatures
    let weights: FactorWeights
    let bridging: BridgingFactor
    let avoided: Set<Int32>
    /// The activities searched for, each with its job and the mask of the terms that share its interest.
    private var activities: [Int] = []
    private var jobs: [BuddyJob] = []
    private var activityMasks: [UInt64] = []
    /// Each term's bit (-1: none), when the activities' terms fit in 64 bits.
    private var termBits: [Int8]?
    /// The candidates, bucket by bucket from the highest bound down; sorted (best bound first)
    /// below `sortedCount`.
    private var pool: [Candidate] = []
    private var sortedCount = 0
    /// Where each bucket ends in `pool`, highest bucket first.
    private var bucketEnds: [Int] = []
    private var nextBucket = 0
    /// What one unit of weighted factor adds to a buddy's score: the factors' share of the blend
    /// over the total weight (0 when every weight is 0).
    private let factorScale: Double
    /// Notes for the ranking: the activities the person's paired buddy cannot go along to, and why.
    private(set) var notes: [String] = []

    /// A candidate: a larger bound ranks higher, then the smaller id.
    private struct Candidate: Comparable {
        /// A bound on the activity-free part of the score, in score units.
        var part: Double
        var rank: Int32
        var member: Int32
        /// The referral's terms the member holds (set when its bucket is sorted).
        var terms: UInt64 = 0
        static func < (a: Candidate, b: Candidate) -> Bool { a.part != b.part ? a.part < b.part : a.rank > b.rank }
        static func == (a: Candidate, b: Candidate) -> Bool { a.part == b.part && a.rank == b.rank }
    }

    /// Scores larger by less than this are treated as ties when deciding to stop (the bound and
    /// the score sum their terms in different orders).
    static let slack = 1e-9

    /// - Parameter activities: the activities buddies will be asked for (others can be asked
    ///   too, at the cost of a job each time).
    init(
        index: CommunityIndex, person: PersonFeatures, weights: FactorWeights, bridging: BridgingFactor, avoided: Set<Int32>,
        activities: [Int] = []
    ) {
        self.index = index
        self.person = person
        self.weights = weights
        self.bridging = bridging
        self.avoided = avoided
        let totalWeight = weights.skill + weights.availability + weights.locality + weights.wellbeing + weights.bridging + weights.reciprocity
        factorScale = totalWeight > 0 ? (1 - BuddyFit.share) / totalWeight : 0
        (pool, bucketEnds) = Self.bucketed(Self.nearbyCandidates(index: index, person: person, weights: weights, avoided: avoided))
        for a in activities where !self.activities.contains(a) {
            self.activities.append(a)
            jobs.append(job(for: a))
        }
        assignTermBits()
    }

    /// The members near the person who pass the constraints that do not depend on the activity,
    /// each with its bound.
    private static func nearbyCandidates(
        index: CommunityIndex, person: PersonFeatures, weights: FactorWeights, avoided: Set<Int32>
    ) -> [Candidate] {
        guard let location = person.location else { return [] }
        let searchLimit = GreatCircle.chordSquared(forKm: BuddyJob.searchKm)
        let members = index.members
        let recent = index.ledger.recentHours, overload = index.configuration.overloadHours
        let reciprocity = index.reciprocityColumn, ranks = index.memberIDRank
        let place = person.position, me = person.memberIndex ?? -1
        let total = weights.skill + weights.availability + weights.locality + weights.wellbeing + weights.bridging + weights.reciprocity
        let scale = total > 0 ? (1 - BuddyFit.share) / total : 0
        var candidates: [Candidate] = []
        // About two in five members pass at 100,000 members: room for half, up to 131,072.
        candidates.reserveCapacity(min(members.count / 2, 1 << 17))
        index.memberGrid.forEachCandidate(near: location, radiusKm: BuddyJob.searchKm) { m in
            let i = Int(m)
            let c2 = place.chordSquared(to: members.position[i])
            guard c2 <= searchLimit, m != me, members.flags[i].contains(.active), recent[i] <= overload,
                avoided.isEmpty || !avoided.contains(m),
                GreatCircle.within(place, members.position[i], chordSquared: c2, km: members.travelKm[i], limit: members.travelChordSquared[i])
            else { return }
            let locality = Formulas.localityBound(chordSquared: c2)
            let wellbeing = members.giverWellbeing[i]
            let part = weights.locality * min(1, locality) + weights.wellbeing * min(1, max(0, wellbeing))
                + weights.reciprocity * min(1, max(0, reciprocity[i])) + weights.bridging * 1
            let fit = BuddyFit.of(person, member: i, index: index, listing: false).value
            candidates.append(Candidate(part: scale * part + BuddyFit.share * fit, rank: ranks[i], member: m))
        }
        return candidates
    }

    /// The candidates by bucket of their bound, highest first (one counting pass; each bucket
    /// left unsorted), and where each bucket ends.
    private static func bucketed(_ candidates: [Candidate]) -> ([Candidate], [Int]) {
        guard let low = candidates.lazy.map(\.part).min(), let high = candidates.lazy.map(\.part).max(), high > low else {
            return (candidates, candidates.isEmpty ? [] : [candidates.count])
        }
        let count = max(64, candidates.count / 8)
        let scale = Double(count - 1) / (high - low)
        // Bounded weights keep every part finite; a spread too small to scale (subnormal) or not
        // finite is one bucket rather than an infinite or NaN index.
        guard scale.isFinite, (high - low).isFinite else { return (candidates, [candidates.count]) }
        // Bucket 0 holds the highest bounds: a larger part never lands in a later bucket. The
        // position is clamped before it becomes an Int, so no value can trap.
        func bucket(_ part: Double) -> Int {
            let position = (part - low) * scale
            guard position.isFinite, position > 0 else { return count - 1 }
            return count - 1 - Int(min(Double(count - 1), position))
        }
        var ends = [Int](repeating: 0, count: count)
        for c in candidates { ends[bucket(c.part)] += 1 }
        var start = 0
        var next = [Int](repeating: 0, count: count)
        for b in 0..<count {
            next[b] = start
            start += ends[b]
            ends[b] = start
        }
        var pool = candidates
        for c in candidates {
            let b = bucket(c.part)
            pool[next[b]] = c
            next[b] += 1
        }
        return (pool, ends)
    }

    private func job(for activity: Int) -> BuddyJob {
        BuddyJob(
            index: index, person: person, activity: activity, bridging: bridging, avoided: avoided, weights: weights,
            nearby: [], countsExclusions: false)
    }

    /// Gives each term that shares an activity's interest a bit, and each activity its mask;
    /// no masks when there are more than 64 such terms.
    private mutating func assignTermBits() {
        var bits = [Int8](repeating: -1, count: index.vocabulary.count)
        var next: Int8 = 0
        for job in jobs {
            var mask: UInt64 = 0
            for term in job.table.touched where job.table.level[Int(term)] >= SkillLevels.sibling {
                if bits[Int(term)] < 0 {
                    guard next < 64 else { return }
                    bits[Int(term)] = next
                    next += 1
                }
                mask |= 1 << UInt64(bits[Int(term)])
            }
            activityMasks.append(mask)
        }
        termBits = bits
    }

    /// The `i`th candidate in order, sorting buckets as far as needed; `nil` past the last.
    private mutating func candidate(_ i: Int) -> Candidate? {
        while sortedCount <= i {
            guard nextBucket < bucketEnds.count else { return nil }
            let end = bucketEnds[nextBucket]
            nextBucket += 1
            guard end > sortedCount else { continue }
            pool[sortedCount..<end].sort(by: >)
            if let termBits {
                for k in sortedCount..<end {
                    let m = Int(pool[k].member)
                    var terms: UInt64 = 0
                    for t in index.members.interests[m] where termBits[Int(t)] >= 0 { terms |= 1 << UInt64(termBits[Int(t)]) }
                    for t in index.members.offers[m] where termBits[Int(t)] >= 0 { terms |= 1 << UInt64(termBits[Int(t)]) }
                    pool[k].terms = terms
                }
            }
            sortedCount = end
        }
        return pool[i]
    }

    /// The best buddy for an activity, or `nil` when no one meets every constraint. The buddy
    /// paired with the person, when a buddy pairing holds and they meet every constraint, is the
    /// buddy whatever their score (``BuddyJob/paired()``); when they cannot go, the search runs as
    /// without the pairing and ``notes`` says why.
    mutating func best(activity: Int) -> Buddy? {
        let position = activities.firstIndex(of: activity)
        let job = position.map { jobs[$0] } ?? job(for: activity)
        switch job.paired() {
        case .none: break
        case .chosen(let match): return Buddy(match)
        case .ruledOut(let reason): notes.append(job.pairedNote(reason))
        }
        let mask = position.flatMap { termBits == nil ? nil : activityMasks[$0] }
        var best: Pipeline.Entry?
        func consider(_ c: Int32) {
            var report = ConstraintReport(explain: false)
            job.checkConstraints(c, &report)
            guard report.firstFailure == nil else { return }
            let f = job.factors(c).clamped()
            let entry = Pipeline.Entry(score: job.score(c, factors: f), idRank: job.idRank(c), candidate: c, factors: f)
            if best.map({ $0 < entry }) ?? true { best = entry }
        }
        for m in index.attendees[activity] { consider(m) }
        let activityPart = weights.skill + weights.availability
        var i = 0
        while let next = candidate(i) {
            i += 1
            if let best, next.part + factorScale * activityPart < best.score - Self.slack { break }
            if let mask {
                guard next.terms & mask != 0 else { continue }
            } else {
                guard job.sharesInterest(next.member) else { continue }
            }
            guard !index.attendees.sortedRow(activity, contains: next.member) else { continue }
            // Their skill (two short rows), then their availability (a week-mask row against the
            // sessions): skip them as soon as the rest at full marks could not make the cut.
            if let best {
                let skill = weights.skill * min(1, max(0, job.level(next.member)))
                if next.part + factorScale * (skill + weights.availability) < best.score - Self.slack { continue }
                let availability = weights.availability * min(1, max(0, job.newcomerAvailability(next.member)))
                if next.part + factorScale * (skill + availability) < best.score - Self.slack { continue }
            }
            consider(next.member)
        }
        return best.map { Buddy(job.match($0.candidate, score: $0.score, factors: $0.factors)) }
    }
}
