public import StitchModel

extension Engine {
    /// The activities a referral may be placed in, best first: every activity that meets every
    /// hard constraint for the person and that they do not already attend, with its score and
    /// factors, and no buddy or "way to give" substitution. This is the candidate list of a
    /// planning session's allocation. No lift widens the person's reach here: a plan's
    /// assignments carry no lift, and the allocation does not share out a lift-giver's time.
    ///
    /// - Parameters:
    ///   - limit: how many at most (the allocation's "top K"); 1...1000.
    public func placements(for referral: Referral, limit: Int, profile: ScoringProfile = .planning) throws(QueryError) -> Ranking {
        try Self.checkLimit(limit)
        let person = try person(referral.person, field: "referral.person")
        let job = ReferralJob(
            index: index, person: person, referral: referral, weights: index.configuration.weights(for: profile), withLifts: false)
        let (entries, considered, excluded) = Pipeline.rank(job, limit: limit) { !job.attends(Int($0)) }
        return Ranking(
            matches: entries.map { job.match($0.candidate, score: $0.score, factors: $0.factors) }, considered: considered,
            excluded: excluded)
    }

    /// Members who could go along with a person to an activity the first time, best first; each
    /// meets every hard constraint of a buddy. The buddy paired with the person, while a buddy
    /// pairing holds and they meet every constraint, comes first ("Already goes along with
    /// them"). Empty, with a note, when the activity does not welcome buddies or the person
    /// already attends it (as in ``refer(_:limit:withBuddy:profile:)``).
    public func buddies(for person: PersonReference, activity activityID: String, limit: Int, profile: ScoringProfile = .planning) throws(QueryError) -> Ranking {
        try Self.checkLimit(limit)
        let subject = try self.person(person, field: "person")
        guard let a = index.activityIndex[activityID] else { throw .unknownActivity(field: "activity", id: activityID) }
        if !index.activities.buddyWelcome[Int(a)] {
            return Ranking(matches: [], considered: 0, excluded: ExclusionCounts(), notes: ["This activity does not take buddies"])
        }
        if let m = subject.memberIndex, index.attends.sortedRow(Int(m), contains: a) {
            return Ranking(matches: [], considered: 0, excluded: ExclusionCounts(), notes: ["Already goes here: no buddy needed"])
        }
        let job = BuddyJob(
            index: index, person: subject, activity: Int(a), bridging: BridgingFactor(index: index, subject: subject),
            avoided: index.safeguardingSet(for: subject), weights: index.configuration.weights(for: profile),
            nearby: BuddyJob.nearby(subject, index: index), countsExclusions: true)
        return job.puttingPairedFirst(Pipeline.ranking(job, limit: limit), limit: limit)
    }

    /// For each of `activityIDs`, whether the person is free for none of its sessions: their own
    /// weekly times are known, the activity has set sessions, and none overlaps them. Always
    /// false when the referral gives times of its own (``Referral/when``), since the engine then
    /// excludes such activities (under `availability`). A plan marks and penalises these.
    public func notFree(_ referral: Referral, activities activityIDs: [String]) throws(QueryError) -> [Bool] {
        guard referral.when.isEmpty else { return activityIDs.map { _ in false } }
        let person = try person(referral.person, field: "referral.person")
        guard person.has(.hasAvailability) else { return activityIDs.map { _ in false } }
        return activityIDs.map { id in
            guard let a = index.activityIndex[id] else { return false }
            let sessions = index.activities.sessionSlots[Int(a)]
            return !sessions.isEmpty && !sessions.contains { WeekMask([$0]).overlapMinutes(with: person.availability) > 0 }
        }
    }

    /// Places left at an activity (`nil` when unlimited).
    public func remainingPlaces(activity activityID: String) throws(QueryError) -> Int? {
        guard let a = index.activityIndex[activityID] else { throw .unknownActivity(field: "activity", id: activityID) }
        let left = index.activities.remaining[Int(a)]
        return left < 0 ? nil : Int(left)
    }

    /// Ids of every activity, in the community's order.
    public var activityIDs: [String] { index.activities.ids.indices.filter { index.activities.live[$0] }.map { index.activities.ids[$0] } }

    /// Ids of every member, in the community's order.
    public var memberIDs: [String] { index.members.ids.indices.filter { index.members.live[$0] }.map { index.members.ids[$0] } }
}
