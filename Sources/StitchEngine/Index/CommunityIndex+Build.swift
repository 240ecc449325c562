import Foundation
import StitchModel

extension CommunityIndex {
    /// Compiles a community. The community must be valid (see ``Community/validationErrors()``).
    init(community: Community, taxonomy: SkillTaxonomy, configuration: EngineConfiguration, meaning: MeaningModel? = nil) {
        self.configuration = configuration
        let dates = community.exchanges.compactMap(\.date) + community.attendance.compactMap(\.date)
            + community.ledger.compactMap(\.date)
        let today = configuration.referenceDate ?? dates.max() ?? CalendarDate(year: 2026, month: 1, day: 1)!
        self.today = today

        // Vocabulary of skills (taxonomy first, then free text) and of groups.
        var vocabulary = SkillVocabulary(taxonomy: taxonomy)
        for m in community.members {
            for t in m.offers + m.interests + m.needs + m.experiences { vocabulary.intern(t) }
        }
        for a in community.activities { for t in a.topics { vocabulary.intern(t) } }
        var groupIDs: [String] = []
        var groupIndex: [String: Int32] = [:]
        for g in community.members.flatMap(\.groups) + community.activities.flatMap(\.groups) where groupIndex[g] == nil {
            groupIndex[g] = Int32(groupIDs.count)
            groupIDs.append(g)
        }
        self.groupIDs = groupIDs
        self.groupIndex = groupIndex

        // Members take their slots in map order (``spatialOrder(_:)``); everything after this
        // point reads them by slot.
        let slotOrder = Self.spatialOrder(community.members)
        var memberIndex: [String: Int32] = [:]
        for (slot, i) in slotOrder.enumerated() { memberIndex[community.members[i].id] = Int32(slot) }
        self.memberIndex = memberIndex
        var activityIndex: [String: Int32] = [:]
        for (i, a) in community.activities.enumerated() { activityIndex[a.id] = Int32(i) }
        self.activityIndex = activityIndex
        (memberIDRank, sortedMemberIDs) = Self.ranks(slotOrder.map { community.members[$0].id })
        (activityIDRank, sortedActivityIDs) = Self.ranks(community.activities.map(\.id))

        // Members.
        var members = MemberTable()
        var memberGrid = GeoGrid()
        var avoidPairs = [[Int32]](repeating: [], count: community.members.count)
        var ownAvoid = CompressedRows<Int32>()
        for (i, position) in slotOrder.enumerated() {
            let m = community.members[position]
            let v = vocabulary
            let f = PersonFeatures(
                m, defaultTravelKm: configuration.defaultTravelKm, term: { v.index(of: $0) }, group: { groupIndex[$0] },
                member: { memberIndex[$0] })
            members.append(f)
            ownAvoid.append(f.avoid)
            if let location = m.location { memberGrid.insert(Int32(i), at: location) }
            for other in f.avoid {
                avoidPairs[i].append(other)
                avoidPairs[Int(other)].append(Int32(i))
            }
        }
        members.shrink()
        ownAvoid.shrink()
        self.members = members
        self.memberGrid = memberGrid
        self.ownAvoid = ownAvoid
        var avoid = CompressedRows(avoidPairs.map { Array(Set($0)).sorted() })
        avoid.shrink()
        self.avoid = avoid

        // Activities.
        var activities = ActivityTable()
        var activityGrid = GeoGrid()
        var unplaced: [Int32] = []
        for (i, a) in community.activities.enumerated() {
            let topics = Array(Set(a.topics.compactMap { vocabulary.index(of: $0) })).sorted()
            let groups = Array(Set(a.groups.compactMap { groupIndex[$0] })).sorted()
            activities.append(a, topics: topics, groups: groups, today: today)
            if let location = a.location, !a.online {
                activityGrid.insert(Int32(i), at: location)
            } else {
                unplaced.append(Int32(i))
            }
        }
        self.activities = activities
        self.activityGrid = activityGrid
        unplacedActivities = unplaced
        giveActivities = (0..<activities.count).filter { activities.serves($0, .give) }.map { Int32($0) }

        // Postings.
        let skillCount = vocabulary.count
        offerPostings = members.offers.inverted(itemCount: skillCount)
        needPostings = members.needs.inverted(itemCount: skillCount)
        interestPostings = members.interests.inverted(itemCount: skillCount)
        experiencePostings = members.experiences.inverted(itemCount: skillCount)
        topicPostings = activities.topics.inverted(itemCount: skillCount)

        // Attendance.
        var attended = [[Int32]](repeating: [], count: community.members.count)
        for record in community.attendance {
            if let m = memberIndex[record.member], let a = activityIndex[record.activity] { attended[Int(m)].append(a) }
        }
        var attends = CompressedRows(attended.map { Array(Set($0)).sorted() })
        attends.shrink()
        self.attends = attends
        attendees = attends.inverted(itemCount: activities.count)

        // Exchanges: the ledger and the network.
        var ledger = TimeLedger(memberCount: members.count)
        var pairs: [(Int32, Int32, Double)] = []
        pairs.reserveCapacity(community.exchanges.count)
        for x in community.exchanges {
            guard let g = memberIndex[x.giver], let r = memberIndex[x.receiver] else { continue }
            ledger.record(
                giver: Int(g), receiver: Int(r), hours: x.hours, date: x.date, today: today,
                windowDays: configuration.overloadWindowDays)
            pairs.append((g, r, Self.tieWeight(of: x, today: today)))
        }
        for a in 0..<activities.count {
            let people = attendees[a]
            let w = Self.coAttendanceShare(attendees: people.count, limit: configuration.coAttendanceLimit)
            guard w > 0 else { continue }
            for (i, p) in people.enumerated() {
                for q in people[(people.startIndex + i + 1)...] { pairs.append((p, q, w)) }
            }
        }
        var accounts: [String: LedgerAccount] = [:]
        for account in community.accounts where accounts[account.id] == nil { accounts[account.id] = account }
        for entry in community.ledger {
            Self.post(
                entry, into: &ledger, memberIndex: memberIndex, accounts: accounts, today: today,
                windowDays: configuration.overloadWindowDays, sign: 1)
        }
        self.ledger = ledger
        ledgerAccounts = accounts
        graph = SocialGraph(nodeCount: members.count, pairs: pairs)
        bridging = SpectralBridging(
            community: community, memberIndex: memberIndex, memberCount: members.count, attendees: attendees,
            configuration: configuration, today: today)

        // Learned skill similarity from what members hold together.
        let sets = (0..<members.count).map { m in Array(Set(members.offers[m] + members.interests[m])).map { Int($0) } }
        skills = SkillGraph(vocabulary: vocabulary, memberSkillSets: sets, learnedRank: configuration.learnedRank, meaning: meaning)
        skills.describe(activities: community.activities)
    }

    /// The weight an exchange adds to the tie of giver and receiver: its hours (at least a
    /// quarter), decayed by a year's time constant.
    static func tieWeight(of x: Exchange, today: CalendarDate) -> Double {
        let age = x.date.map { max(0, today.dayNumber - $0.dayNumber) } ?? 365
        return max(x.hours, 0.25) * exp(-Double(age) / 365)
    }

    /// The weight an activity of `n` attendees adds to the tie of each two of them: `1 / (n − 1)`,
    /// none for a single attendee or a crowd over the limit.
    static func coAttendanceShare(attendees n: Int, limit: Int) -> Double {
        n > 1 && n <= limit ? 1 / Double(n - 1) : 0
    }

    /// The order in which members take their slots: by place on the map (``GeoGrid/spatialKey(_:)``),
    /// members without a location last, ties in the community's order. Members who live near one
    /// another then sit near one another in every column, so the searches that walk a
    /// neighbourhood (buddies, nearby helpers) read memory in runs rather than at random.
    static func spatialOrder(_ members: [Member]) -> [Int] {
        let grid = GeoGrid()
        let keys = members.map { $0.location.map(grid.spatialKey) ?? .max }
        return members.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }

    /// The position of each id in sorted order, and the ids in that order.
    static func ranks(_ ids: [String]) -> (ranks: [Int32], sorted: [String]) {
        var ranks = [Int32](repeating: 0, count: ids.count)
        let order = ids.indices.sorted(by: { ids[$0] < ids[$1] })
        for (rank, i) in order.enumerated() { ranks[i] = Int32(rank) }
        return (ranks, order.map { ids[$0] })
    }
}
