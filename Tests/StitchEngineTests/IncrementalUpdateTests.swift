@testable import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// The engine edited in place answers as a fresh build of the same community does.
@Suite("Incremental updates")
struct IncrementalUpdateTests {
    static let skills = PropertyTests.skills + ["new free text skill", "another new one"]

    /// Learned similarity and the network model are refreshed on rebuild only (docs/daemon.md),
    /// so the comparison turns the first off and gives the second no weight.
    static var configuration: EngineConfiguration {
        var c = EngineConfiguration()
        c.learnedRank = 0
        for profile in [ScoringProfile.broker, .referral, .planning] {
            var w = c.weights(for: profile)
            w[.bridging] = 0
            c.weights[profile] = w
        }
        return c
    }

    /// A random valid change to `engine`'s community, or an invalid one (about one in ten).
    static func change(_ live: LiveCommunity, templates: Community, rng: inout SplitMix64, serial: Int) -> (CommunityChange, valid: Bool) {
        let engine = live.engine
        let community = live.community
        let members = community.members, activities = community.activities
        let memberIDs = members.map(\.id)
        func anyMember() -> String { memberIDs.randomElement(using: &rng)! }
        func date() -> CalendarDate { engine.referenceDate.adding(days: -Int.random(in: 0...400, using: &rng)) }
        func shaped(_ template: Member, id: String) -> Member {
            var m = template
            m.id = id
            m.avoid = (0..<Int.random(in: 0...2, using: &rng)).map { _ in anyMember() }.filter { $0 != id }
            return m
        }
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<28:
            let g = anyMember()
            var r = anyMember()
            if r == g { r = memberIDs.first { $0 != g }! }
            return (.recordExchange(Exchange(id: "nx-\(serial)", giver: g, receiver: r, hours: Double(Int.random(in: 1...6, using: &rng)) / 2, date: date())), true)
        case 28..<30:
            // Dated after "today": moves the reference date (a rebuild).
            return (.recordExchange(Exchange(giver: anyMember(), receiver: memberIDs[0] == memberIDs[1] ? memberIDs[0] : memberIDs[1], hours: 1, date: engine.referenceDate.adding(days: 1))), memberIDs.count > 1)
        case 30..<45:
            guard let a = activities.randomElement(using: &rng) else { return (.removeActivity(id: "a-none"), false) }
            return (.recordAttendance(Attendance(member: anyMember(), activity: a.id, date: date())), true)
        case 45..<60:
            let id = anyMember()
            return (.upsertMember(shaped(templates.members.randomElement(using: &rng)!, id: id)), true)
        case 60..<70:
            return (.upsertMember(shaped(templates.members.randomElement(using: &rng)!, id: "new-\(serial)")), true)
        case 70..<76:
            return (.removeMember(id: anyMember()), true)
        case 76..<86:
            var a = templates.activities.randomElement(using: &rng)!
            a.id = Bool.random(using: &rng) ? (activities.randomElement(using: &rng)?.id ?? "na-\(serial)") : "na-\(serial)"
            return (.upsertActivity(a), true)
        case 86..<90:
            guard let a = activities.randomElement(using: &rng) else { return (.removeActivity(id: "a-none"), false) }
            return (.removeActivity(id: a.id), true)
        case 90..<93:
            return (.removeMember(id: "nobody-\(serial)"), false)
        case 93..<96:
            var m = shaped(templates.members[0], id: "bad-\(serial)")
            m.avoid = ["nobody"]
            return (.upsertMember(m), false)
        case 96..<98:
            let g = anyMember()
            return (.recordExchange(Exchange(giver: g, receiver: "nobody", hours: 1)), false)
        default:
            return (.recordAttendance(Attendance(member: anyMember(), activity: "nothing")), false)
        }
    }

    static func expectSame(_ a: Ranking, _ b: Ranking, _ context: String) {
        #expect(a.matches.map(\.id) == b.matches.map(\.id), "\(context): order")
        #expect(a.considered == b.considered, "\(context): considered")
        #expect(a.excluded == b.excluded, "\(context): excluded")
        for (x, y) in zip(a.matches, b.matches) {
            #expect(abs(x.score - y.score) < 1e-9, "\(context): \(x.id) score \(x.score) vs \(y.score)")
            for f in Factor.allCases where f != .bridging {
                #expect(abs(x.factors[f] - y.factors[f]) < 1e-9, "\(context): \(x.id) \(f)")
            }
            #expect(x.buddy?.id == y.buddy?.id, "\(context): \(x.id) buddy")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func editedEngineAnswersAsAFreshBuild(seed: UInt64) throws {
        let taxonomy = try Fixtures.taxonomy
        let start = RandomCommunity.make(seed: seed, members: 160, activities: 30, skills: Self.skills)
        let templates = RandomCommunity.make(seed: seed &+ 1000, members: 60, activities: 20, skills: Self.skills)
        var live = try LiveCommunity(community: start, taxonomy: taxonomy, configuration: Self.configuration)
        var rng = SplitMix64(seed: seed)
        var applied = 0, refused = 0
        for step in 0..<400 {
            let (change, valid) = Self.change(live, templates: templates, rng: &rng, serial: step)
            let before = live.community
            do {
                try live.apply(change)
                #expect(valid, "step \(step): \(change) should have been refused")
                applied += 1
            } catch {
                #expect(!valid, "step \(step): \(error)")
                #expect(live.community == before, "step \(step): a refused change altered the community")
                refused += 1
            }
            guard step % 50 == 49 else { continue }
            let engine = live.engine
            let fresh = try Engine(community: live.community, taxonomy: taxonomy, configuration: Self.configuration)
            #expect(engine.memberCount == fresh.memberCount && engine.activityCount == fresh.activityCount)
            IndexComparison.check(engine, fresh, "seed \(seed) step \(step)")
            let people = live.community.members
            for q in 0..<12 {
                let person = people.randomElement(using: &rng)!
                let context = "seed \(seed) step \(step) query \(q) \(person.id)"
                let request = HelpRequest(requester: person.id, skill: Self.skills.randomElement(using: &rng)!, atHome: person.location != nil && Bool.random(using: &rng))
                Self.expectSame(try engine.whoCanHelp(request, limit: 15), try fresh.whoCanHelp(request, limit: 15), "help " + context)
                Self.expectSame(try engine.opportunities(for: person.id, limit: 15), try fresh.opportunities(for: person.id, limit: 15), "give " + context)
                let referral = Referral(person: .id(person.id))
                Self.expectSame(try engine.refer(referral, limit: 8), try fresh.refer(referral, limit: 8), "refer " + context)
                #expect(engine.balance(of: person.id) .map { ($0 * 1e6).rounded() } == fresh.balance(of: person.id).map { ($0 * 1e6).rounded() })
            }
        }
        #expect(applied > 300 && refused > 10)
    }

    @Test func removalsLeaveNoTrace() throws {
        let taxonomy = try Fixtures.taxonomy
        var live = try LiveCommunity(community: Fixtures.lewisham, taxonomy: taxonomy)
        let counts = (live.engine.memberCount, live.engine.activityCount)
        try live.apply(.removeMember(id: "m-vera"))
        var engine = live.engine
        #expect(engine.memberCount == counts.0 - 1)
        #expect(!live.community.exchanges.contains { $0.giver == "m-vera" || $0.receiver == "m-vera" })
        #expect(!live.community.members.contains { $0.avoid.contains("m-vera") })
        #expect(throws: QueryError.self) { try engine.opportunities(for: "m-vera") }
        for skill in ["shopping", "befriending", "lifts", "gardening"] {
            let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-edith", skill: skill), limit: 50)
            #expect(!ranking.matches.contains { $0.id == "m-vera" })
        }
        let activity = try #require(live.community.activities.first)
        try live.apply(.removeActivity(id: activity.id))
        engine = live.engine
        #expect(engine.activityCount == counts.1 - 1)
        let ranking = try engine.refer(Referral(person: .id("m-edith")), limit: 100)
        #expect(!ranking.matches.contains { $0.id == activity.id })
        #expect(!live.community.attendance.contains { $0.activity == activity.id })
    }

    @Test func needsRebuildAfterATenthOfTheCommunity() throws {
        var live = try LiveCommunity(community: Fixtures.lewisham, taxonomy: Fixtures.taxonomy)
        let members = live.community.members
        var i = 0
        // Edits that leave the network alone: only the count of edits makes a rebuild due.
        while !live.needsRebuild {
            var member = members[i % members.count]
            member.name = "Renamed \(i)"
            try live.apply(.upsertMember(member))
            i += 1
        }
        #expect(i == 256)
        let rebuilt = live.rebuilt()
        #expect(rebuilt.editsSinceBuild == 0 && !rebuilt.needsRebuild)
        #expect(rebuilt.community == live.community)
    }

    @Test func needsRebuildOnceTheNetworkChangesPastTheBridgingPolicy() throws {
        var live = try LiveCommunity(community: Fixtures.lewisham, taxonomy: Fixtures.taxonomy)
        let members = live.community.members
        let total = live.networkChanges.baselineWeight
        var added = 0.0
        var i = 0
        while !live.needsRebuild {
            let g = members[i % members.count].id, r = members[(i + 7) % members.count].id
            try live.apply(.recordExchange(Exchange(giver: g, receiver: r, hours: 1, date: live.engine.referenceDate)))
            added += 1
            i += 1
        }
        // Due at the first exchange that takes the added weight past 5% of the model's total
        // (or a first tie for 2% of members, whichever comes first).
        let byWeight = added > 0.05 * total && added - 1 <= 0.05 * total
        let byFirstTies = Double(live.networkChanges.firstTies) > 0.02 * Double(live.networkChanges.baselineMembers)
        #expect(byWeight || byFirstTies, "due after \(i) exchanges of a total weight \(total)")
        #expect(i < 256)
        #expect(!live.rebuilt().needsRebuild)
    }
}

/// The compiled structures of an edited index hold what a fresh build's do, member by member
/// and activity by activity (slots differ; ids do not).
enum IndexComparison {
    static func check(_ edited: Engine, _ fresh: Engine, _ context: String) {
        let a = edited.index, b = fresh.index
        func memberIDs(_ index: CommunityIndex, _ slots: ArraySlice<Int32>) -> Set<String> { Set(slots.map { index.members.ids[Int($0)] }) }
        func activityIDs(_ index: CommunityIndex, _ slots: ArraySlice<Int32>) -> Set<String> { Set(slots.map { index.activities.ids[Int($0)] }) }
        for (id, m) in a.memberIndex {
            guard let n = b.memberIndex[id] else {
                Issue.record("\(context): \(id) missing from the fresh build")
                continue
            }
            let (i, j) = (Int(m), Int(n))
            #expect(memberIDs(a, a.avoid[i]) == memberIDs(b, b.avoid[j]), "\(context): avoid of \(id)")
            #expect(activityIDs(a, a.attends[i]) == activityIDs(b, b.attends[j]), "\(context): attends of \(id)")
            var tiesA: [String: Double] = [:], tiesB: [String: Double] = [:]
            for (k, p) in a.graph.neighbours[i].enumerated() { tiesA[a.members.ids[Int(p)]] = a.graph.weights[i][a.graph.weights[i].startIndex + k] }
            for (k, p) in b.graph.neighbours[j].enumerated() { tiesB[b.members.ids[Int(p)]] = b.graph.weights[j][b.graph.weights[j].startIndex + k] }
            #expect(Set(tiesA.keys) == Set(tiesB.keys), "\(context): ties of \(id)")
            for (k, w) in tiesA { #expect(abs(w - (tiesB[k] ?? 0)) < 1e-9, "\(context): tie \(id)–\(k)") }
            #expect(abs(a.ledger.load[i] - b.ledger.load[j]) < 1e-9 && abs(a.ledger.recentHours[i] - b.ledger.recentHours[j]) < 1e-9, "\(context): ledger of \(id)")
            #expect(a.memberIDRank[i] == b.memberIDRank[j], "\(context): rank of \(id)")
        }
        for (id, x) in a.activityIndex {
            guard let y = b.activityIndex[id] else {
                Issue.record("\(context): \(id) missing from the fresh build")
                continue
            }
            #expect(memberIDs(a, a.attendees[Int(x)]) == memberIDs(b, b.attendees[Int(y)]), "\(context): attendees of \(id)")
            #expect(a.activityIDRank[Int(x)] == b.activityIDRank[Int(y)], "\(context): rank of \(id)")
        }
        for t in 0..<min(a.vocabulary.count, b.vocabulary.count) where a.vocabulary.key(Int32(t)) == b.vocabulary.key(Int32(t)) {
            let u = Int32(t)
            #expect(memberIDs(a, a.offerPostings[t]) == memberIDs(b, b.offerPostings[Int(u)]), "\(context): offers of term \(t)")
            #expect(memberIDs(a, a.needPostings[t]) == memberIDs(b, b.needPostings[t]), "\(context): needs of term \(t)")
            #expect(activityIDs(a, a.topicPostings[t]) == activityIDs(b, b.topicPostings[t]), "\(context): topics of term \(t)")
        }
        #expect(Set(a.giveActivities.map { a.activities.ids[Int($0)] }) == Set(b.giveActivities.map { b.activities.ids[Int($0)] }))
        #expect(Set(a.unplacedActivities.map { a.activities.ids[Int($0)] }) == Set(b.unplacedActivities.map { b.activities.ids[Int($0)] }))
    }
}
