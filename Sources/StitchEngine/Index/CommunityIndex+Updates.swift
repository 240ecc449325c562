import StitchModel

/// In-place edits for the daemon's writes: each touches only the rows, postings, grid cells and
/// ties of the records it changes, so a write costs about the size of those records, not the
/// community's.
///
/// The caller has validated the record (``Engine/apply(_:)``). A removed member or activity
/// leaves a vacant slot (not live, in no index) that the next full build compacts. What an edit
/// does not refresh is written down in docs/daemon.md: the learned skill similarity (from what
/// members hold together) and the network's spectral model, both rebuilt on the daemon's
/// rebuild policy.
extension CommunityIndex {
    // MARK: Members

    /// Adds a member, or replaces the member with the same id.
    mutating func upsert(member: Member) {
        for term in member.offers + member.interests + member.needs + member.experiences { skills.intern(term) }
        growSkillRows()
        for g in member.groups where groupIndex[g] == nil {
            groupIndex[g] = Int32(groupIDs.count)
            groupIDs.append(g)
        }
        let slot: Int32
        if let existing = memberIndex[member.id] {
            slot = existing
            unlist(member: slot)
        } else {
            slot = Int32(members.count)
            memberIndex[member.id] = slot
            members.append(features(of: member))
            ownAvoid.append(EmptyCollection())
            avoid.append(EmptyCollection())
            attends.append(EmptyCollection())
            ledger.grow(to: members.count)
            graph.grow(to: members.count)
            let rank = Self.insertRank(of: member.id, into: &sortedMemberIDs, ranks: &memberIDRank)
            memberIDRank.append(rank)
        }
        let m = Int(slot)
        let f = features(of: member)
        members.replace(m, with: f)
        list(member: slot)
        // Safeguarding: the pair (m, p) stands while either side names the other.
        let before = Array(ownAvoid[m])
        ownAvoid.replace(row: m, with: f.avoid)
        for p in Set(before + f.avoid) { refreshAvoidPair(slot, p) }
    }

    /// Removes a member: their slot is vacated and every index forgets them. `exchanges` are the
    /// exchanges they took part in (taken out of the other side's balance and load); the caller
    /// drops them, and the member's attendance, from its records.
    mutating func remove(member slot: Int32, exchanges: [Exchange]) {
        let m = Int(slot)
        for a in Array(attends[m]) { leave(member: slot, activity: a) }
        for x in exchanges {
            guard let g = memberIndex[x.giver], let r = memberIndex[x.receiver] else { continue }
            ledger.record(
                giver: Int(g), receiver: Int(r), hours: x.hours, date: x.date, today: today,
                windowDays: configuration.overloadWindowDays, sign: -1)
        }
        graph.isolate(slot)
        for p in Array(avoid[m]) {
            avoid.remove(slot, fromSortedRow: Int(p))
            ownAvoid.remove(slot, fromSortedRow: Int(p))
        }
        avoid.clear(row: m)
        ownAvoid.clear(row: m)
        unlist(member: slot)
        Self.removeRank(of: members.ids[m], from: &sortedMemberIDs, ranks: &memberIDRank, slot: m)
        memberIndex[members.ids[m]] = nil
        members.vacate(m)
    }

    /// The compiled features of a member record, with the index's vocabulary and ids.
    func features(of member: Member) -> PersonFeatures {
        PersonFeatures(
            member, defaultTravelKm: configuration.defaultTravelKm, term: { vocabulary.index(of: $0) },
            group: { groupIndex[$0] }, member: { memberIndex[$0] })
    }

    /// Takes member `m` out of the skill postings and the grid (its table row is unchanged).
    private mutating func unlist(member slot: Int32) {
        let m = Int(slot)
        for (column, postings) in Self.memberPostings {
            for term in members[keyPath: column][m] { self[keyPath: postings].remove(slot, fromSortedRow: Int(term)) }
        }
        if let location = members.location[m] { memberGrid.remove(slot, at: location) }
    }

    /// Puts member `m` into the skill postings and the grid, from its table row.
    private mutating func list(member slot: Int32) {
        let m = Int(slot)
        for (column, postings) in Self.memberPostings {
            for term in members[keyPath: column][m] { self[keyPath: postings].insert(slot, intoSortedRow: Int(term)) }
        }
        if let location = members.location[m] { memberGrid.insert(slot, at: location) }
    }

    private static var memberPostings: [(KeyPath<MemberTable, CompressedRows<Int32>>, WritableKeyPath<CommunityIndex, CompressedRows<Int32>>)] {
        [
            (\.offers, \.offerPostings), (\.needs, \.needPostings), (\.interests, \.interestPostings),
            (\.experiences, \.experiencePostings),
        ]
    }

    /// Sets the symmetric safeguarding pair of `a` and `b` from their own lists.
    private mutating func refreshAvoidPair(_ a: Int32, _ b: Int32) {
        if ownAvoid.sortedRow(Int(a), contains: b) || ownAvoid.sortedRow(Int(b), contains: a) {
            avoid.insert(b, intoSortedRow: Int(a))
            avoid.insert(a, intoSortedRow: Int(b))
        } else {
            avoid.remove(b, fromSortedRow: Int(a))
            avoid.remove(a, fromSortedRow: Int(b))
        }
    }

    /// Every skill posting has a row for every term of the vocabulary.
    private mutating func growSkillRows() {
        let n = vocabulary.count
        for postings in [\CommunityIndex.offerPostings, \.needPostings, \.interestPostings, \.experiencePostings, \.topicPostings] {
            self[keyPath: postings].growRows(to: n)
        }
    }

    // MARK: Activities

    /// Adds an activity, or replaces the activity with the same id (its attendance stays).
    mutating func upsert(activity: Activity) {
        for term in activity.topics { skills.intern(term) }
        growSkillRows()
        for g in activity.groups where groupIndex[g] == nil {
            groupIndex[g] = Int32(groupIDs.count)
            groupIDs.append(g)
        }
        let topics = Array(Set(activity.topics.compactMap { vocabulary.index(of: $0) })).sorted()
        let groups = Array(Set(activity.groups.compactMap { groupIndex[$0] })).sorted()
        let slot: Int32
        if let existing = activityIndex[activity.id] {
            slot = existing
            unlist(activity: slot)
            activities.replace(Int(slot), with: activity, topics: topics, groups: groups, today: today)
        } else {
            slot = Int32(activities.count)
            activityIndex[activity.id] = slot
            activities.append(activity, topics: topics, groups: groups, today: today)
            attendees.append(EmptyCollection())
            let rank = Self.insertRank(of: activity.id, into: &sortedActivityIDs, ranks: &activityIDRank)
            activityIDRank.append(rank)
        }
        skills.describe(activity: activity, slot: Int(slot))
        list(activity: slot)
    }

    /// Removes an activity: its attendees lose the ties it gave them, and every index forgets it.
    mutating func remove(activity slot: Int32) {
        let a = Int(slot)
        let people = Array(attendees[a])
        let share = Self.coAttendanceShare(attendees: people.count, limit: configuration.coAttendanceLimit)
        for (i, p) in people.enumerated() {
            attends.remove(slot, fromSortedRow: Int(p))
            for q in people[(i + 1)...] { graph.add(p, q, weight: -share) }
        }
        attendees.clear(row: a)
        unlist(activity: slot)
        Self.removeRank(of: activities.ids[a], from: &sortedActivityIDs, ranks: &activityIDRank, slot: a)
        activityIndex[activities.ids[a]] = nil
        activities.vacate(a)
    }

    private mutating func unlist(activity slot: Int32) {
        let a = Int(slot)
        for term in activities.topics[a] { topicPostings.remove(slot, fromSortedRow: Int(term)) }
        if let location = activities.location[a], !activities.online[a] {
            activityGrid.remove(slot, at: location)
        } else {
            Self.remove(slot, fromSorted: &unplacedActivities)
        }
        Self.remove(slot, fromSorted: &giveActivities)
    }

    private mutating func list(activity slot: Int32) {
        let a = Int(slot)
        for term in activities.topics[a] { topicPostings.insert(slot, intoSortedRow: Int(term)) }
        if let location = activities.location[a], !activities.online[a] {
            activityGrid.insert(slot, at: location)
        } else {
            Self.insert(slot, intoSorted: &unplacedActivities)
        }
        if activities.serves(a, .give) { Self.insert(slot, intoSorted: &giveActivities) }
    }

    // MARK: Exchanges and attendance

    /// Records an exchange of time: balances, load and the tie between the two.
    mutating func record(exchange x: Exchange) {
        guard let g = memberIndex[x.giver], let r = memberIndex[x.receiver] else { return }
        ledger.record(
            giver: Int(g), receiver: Int(r), hours: x.hours, date: x.date, today: today,
            windowDays: configuration.overloadWindowDays)
        graph.add(g, r, weight: Self.tieWeight(of: x, today: today))
    }

    /// Records that a member attends an activity (again: no change).
    mutating func record(attendance: Attendance) {
        guard let m = memberIndex[attendance.member], let a = activityIndex[attendance.activity],
            !attends.sortedRow(Int(m), contains: a)
        else { return }
        let people = Array(attendees[Int(a)])
        let limit = configuration.coAttendanceLimit
        let before = Self.coAttendanceShare(attendees: people.count, limit: limit)
        let after = Self.coAttendanceShare(attendees: people.count + 1, limit: limit)
        reweigh(people, by: after - before)
        for p in people { graph.add(m, p, weight: after) }
        attends.insert(a, intoSortedRow: Int(m))
        attendees.insert(m, intoSortedRow: Int(a))
    }

    /// Takes member `m` out of activity `a`'s attendees, with the ties that gave them.
    private mutating func leave(member m: Int32, activity a: Int32) {
        attendees.remove(m, fromSortedRow: Int(a))
        attends.remove(a, fromSortedRow: Int(m))
        let people = Array(attendees[Int(a)])
        let limit = configuration.coAttendanceLimit
        let before = Self.coAttendanceShare(attendees: people.count + 1, limit: limit)
        let after = Self.coAttendanceShare(attendees: people.count, limit: limit)
        for p in people { graph.add(m, p, weight: -before) }
        reweigh(people, by: after - before)
    }

    /// Changes the tie of every two of `people` by `delta`.
    private mutating func reweigh(_ people: [Int32], by delta: Double) {
        guard delta != 0 else { return }
        for (i, p) in people.enumerated() {
            for q in people[(i + 1)...] { graph.add(p, q, weight: delta) }
        }
    }

    // MARK: Sorted lists

    /// Inserts `id` among the sorted ids and shifts the ranks after it; returns its rank.
    static func insertRank(of id: String, into sorted: inout [String], ranks: inout [Int32]) -> Int32 {
        let r = lowerBound(of: id, in: sorted)
        sorted.insert(id, at: r)
        for i in ranks.indices where ranks[i] >= Int32(r) { ranks[i] += 1 }
        return Int32(r)
    }

    /// Removes the id of `slot` from the sorted ids and shifts the ranks after it; the vacant
    /// slot's rank becomes -1.
    static func removeRank(of id: String, from sorted: inout [String], ranks: inout [Int32], slot: Int) {
        let r = ranks[slot]
        sorted.remove(at: Int(r))
        ranks[slot] = -1
        for i in ranks.indices where ranks[i] > r { ranks[i] -= 1 }
    }

    static func lowerBound<T: Comparable>(of value: T, in sorted: [T]) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func insert(_ value: Int32, intoSorted list: inout [Int32]) {
        let i = lowerBound(of: value, in: list)
        if i == list.count || list[i] != value { list.insert(value, at: i) }
    }

    static func remove(_ value: Int32, fromSorted list: inout [Int32]) {
        let i = lowerBound(of: value, in: list)
        if i < list.count, list[i] == value { list.remove(at: i) }
    }
}
