import Foundation
import StitchEngine
import StitchModel
import StitchPlanning
import StitchTestSupport
import Testing

/// A plan places people only in sessions they can attend: with times in the referral, an
/// activity none of whose sessions falls in them is never a candidate; without, a placement the
/// person's own availability fits none of the sessions of is marked, scored at half and counted.
@Suite("Plans people can attend")
struct AttendableTimesTests {
    /// Whether two weekly slots share a moment (checked here without the engine's week masks).
    static func overlap(_ a: Slot, _ b: Slot) -> Bool {
        a.day == b.day && a.start.minutes < b.end.minutes && b.start.minutes < a.end.minutes
    }

    /// True when `times` meet one of the activity's sessions (a dated one on its weekday), or it
    /// has no set sessions.
    static func attendable(_ activity: Activity, in times: [Slot]) -> Bool {
        let sessions = activity.schedule + activity.datedSessions.map(\.weekly)
        return sessions.isEmpty || sessions.contains { s in times.contains { overlap(s, $0) } }
    }

    static let example: PlanRequest = {
        try! JSONDecoder().decode(PlanRequest.self, from: Data(contentsOf: Fixtures.dataURL("examples/planning-session.json")))
    }()

    /// The bundled example without times: a placement the person's own availability fits none
    /// of the sessions of is marked, scored at half and counted, for the plan and for greedy. As
    /// given, every such placement now gives way to one the person is free for (6 of 15 before);
    /// with one candidate each (`topK` 1) 7 remain on the bundled community as it now is (its
    /// dated sessions and new activities among the candidates), each marked; with three places
    /// each the plan makes fewer than greedy.
    @Test(arguments: [(1, 20, 0), (1, 1, 7), (3, 20, -1)])
    func theBundledExampleMarksAndCountsPlacementsPeopleAreNotFreeFor(maxPerPerson: Int, topK: Int, expected: Int) throws {
        let community = try Fixtures.lewisham
        let engine = try Fixtures.lewishamEngine
        let members = Dictionary(uniqueKeysWithValues: community.members.map { ($0.id, $0) })
        let activities = Dictionary(uniqueKeysWithValues: community.activities.map { ($0.id, $0) })
        var request = Self.example
        request.maxPerPerson = maxPerPerson
        request.topK = topK
        let plan = try Allocator(engine: engine).allocate(request)
        #expect(plan.placed == 15 * maxPerPerson)
        var notFree = 0
        for a in plan.assignments {
            let person = try #require(members[a.person])
            let activity = try #require(activities[a.activity])
            let expected = !person.availability.isEmpty && !Self.attendable(activity, in: person.availability)
            #expect(a.notFree == expected, "\(a.referral) at \(a.activity)")
            let referral = try #require(request.referrals.first { $0.id == a.referral })
            let engineScore = try #require(try engine.placements(for: referral, limit: topK).matches.first { $0.id == a.activity }?.score)
            if expected {
                notFree += 1
                #expect(a.reasons.first?.hasPrefix("Not free at any of its session times") == true, "\(a.reasons)")
                #expect(abs(a.score - engineScore / 2) < 1e-12, "scored at half")
            } else {
                #expect(a.score == engineScore)
            }
        }
        #expect(plan.notFreePlaced == notFree)
        if expected >= 0 { #expect(notFree == expected) }
        #expect(plan.notFreePlaced <= plan.greedyNotFreePlaced)
        if expected < 0 { #expect(plan.notFreePlaced < plan.greedyNotFreePlaced, "\(plan.notFreePlaced) against greedy's \(plan.greedyNotFreePlaced)") }
        let json = try #require(String(data: try JSONEncoder().encode(plan), encoding: .utf8))
        #expect(json.contains(#""notFreePlaced":"#) && json.contains(#""greedyNotFreePlaced":"#) && json.contains(#""notFree":"#))
    }

    /// The same example with each referral giving the person's own times: nobody is placed in a
    /// session they are not free for, and none is counted.
    @Test func theBundledExampleWithTimesPlacesNobodyWhereTheyAreNotFree() throws {
        let community = try Fixtures.lewisham
        let engine = try Fixtures.lewishamEngine
        let members = Dictionary(uniqueKeysWithValues: community.members.map { ($0.id, $0) })
        let activities = Dictionary(uniqueKeysWithValues: community.activities.map { ($0.id, $0) })
        var request = Self.example
        for i in request.referrals.indices {
            request.referrals[i].when = try #require(members[request.referrals[i].person.id]).availability
        }
        #expect(request.referrals.allSatisfy { !$0.when.isEmpty }, "every person in the example gives their times")
        let plan = try Allocator(engine: engine).allocate(request)
        #expect(plan.placed > 0)
        for a in plan.assignments {
            let times = try #require(request.referrals.first { $0.id == a.referral }?.when)
            #expect(Self.attendable(try #require(activities[a.activity]), in: times), "\(a.referral) at \(a.activity)")
            #expect(!a.notFree)
            #expect(!a.reasons.contains { $0.hasPrefix("Not free at its times") }, "\(a.reasons)")
        }
        #expect(plan.notFreePlaced == 0 && plan.greedyNotFreePlaced == 0)
        #expect(plan.placed >= plan.greedyPlaced)
        // Those left out for times are counted under availability.
        for u in plan.unassigned where u.reason == .noFeasibleActivity { #expect(u.excluded != nil) }
    }

    /// Property: on random communities, a referral that gives times is never placed in an
    /// activity whose sessions all fall outside them.
    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func noPlacementViolatesTheTimesGiven(seed: UInt64) throws {
        let skills = ["befriending", "gardening", "knitting", "poetry", "walking", "cooking", "painting", "computer-help"]
        let community = RandomCommunity.make(seed: seed, members: 120, activities: 30, skills: skills)
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let activities = Dictionary(uniqueKeysWithValues: community.activities.map { ($0.id, $0) })
        var rng = SplitMix64(seed: seed)
        let days = Weekday.allCases
        let referrals = community.members.shuffled(using: &rng).prefix(50).enumerated().map { i, m in
            // Some give their own times, some a random window, some none.
            let when: [Slot]
            switch i % 3 {
            case 0: when = m.availability
            case 1:
                let start = Int.random(in: 32...72, using: &rng)
                when = [Slot(day: days.randomElement(using: &rng)!, start: TimeOfDay(minutes: start * 15)!, end: TimeOfDay(minutes: (start + 8) * 15)!)!]
            default: when = []
            }
            return Referral(id: "r-\(i)", person: .id(m.id), when: when)
        }
        for fairness in [Fairness.total, .maximin] {
            let plan = try Allocator(engine: engine).allocate(PlanRequest(referrals: referrals, maxPerPerson: 2, topK: 8, fairness: fairness))
            for a in plan.assignments {
                let referral = try #require(referrals.first { $0.id == a.referral })
                if !referral.when.isEmpty {
                    #expect(Self.attendable(try #require(activities[a.activity]), in: referral.when), "seed \(seed): \(a.referral) at \(a.activity)")
                    #expect(!a.notFree)
                }
            }
            #expect(plan.notFreePlaced == plan.assignments.filter(\.notFree).count)
            #expect(plan.placed >= plan.greedyPlaced)
        }
    }

    /// `stitch refer --when`: the times go into the referral, and activities with no session then
    /// are excluded and counted under availability.
    @Test func referTakesTheTimesThePersonCanGo() throws {
        let runner = CommandRunner()
        func excluded(_ extra: [String]) throws -> (availability: Int, ids: [String]) {
            let r = try runner.run(["refer", "--demo", "--person", "m-bee", "--goals", "connect=1", "--limit", "5", "--json"] + extra)
            #expect(r.status == 0, "\(r.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            let counts = try #require(object["excluded"] as? [String: Int])
            let ids = (object["matches"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            return (try #require(counts["availability"]), ids)
        }
        // Without times, only the harvest supper, whose one dated session is past.
        #expect(try excluded([]).availability == 1)
        let timed = try excluded(["--when", "wed 13:00-17:00"])
        #expect(timed.availability > 0)
        let activities = Dictionary(uniqueKeysWithValues: try Fixtures.lewisham.activities.map { ($0.id, $0) })
        let wednesday = Slot(day: .wed, start: TimeOfDay(minutes: 13 * 60)!, end: TimeOfDay(minutes: 17 * 60)!)!
        for id in timed.ids { #expect(Self.attendable(try #require(activities[id]), in: [wednesday]), "\(id)") }
    }
}

/// A plan reads an activity's real dated sessions: one already past is never a placement, a
/// person away on the day of the only session is not placed there, and a dated session counts on
/// its weekday for the `notFree` mark.
@Suite("Plans with dated sessions")
struct DatedSessionPlanTests {
    static let here = Location(lat: 51.43, lon: -0.02)!

    @Test func aPlanPlacesPeopleOnlyInDatedSessionsTheyCanGoTo() throws {
        let lunch = Activity(
            id: "a-lunch", name: "Christmas lunch", topics: ["cooking"], location: Self.here, capacity: 10,
            datedSessions: [DatedSlot("2026-12-19", "12:00", "14:00")!])
        let supper = Activity(
            id: "a-supper", name: "Harvest supper", topics: ["cooking"], location: Self.here, capacity: 10,
            datedSessions: [DatedSlot("2026-10-03", "18:00", "20:00")!])
        let members = [
            Member(id: "m-sat", interests: ["cooking"], availability: [Slot(.sat, "11:00", "15:00")!], location: Self.here),
            Member(id: "m-mon", interests: ["cooking"], availability: [Slot(.mon, "11:00", "15:00")!], location: Self.here),
            Member(
                id: "m-away", interests: ["cooking"], availability: [Slot(.sat, "11:00", "15:00")!], location: Self.here,
                away: [AwayPeriod("2026-12-18", "2026-12-28")!]),
        ]
        let engine = try Engine(
            community: Community(members: members, activities: [lunch, supper]), taxonomy: Fixtures.taxonomy,
            configuration: EngineConfiguration(referenceDate: CalendarDate(parsing: "2026-12-01")!))
        let referrals = members.map { Referral(id: "r-\($0.id)", person: .id($0.id)) }
        let plan = try Allocator(engine: engine).allocate(PlanRequest(referrals: referrals, maxPerPerson: 1, topK: 5))
        let placed = Dictionary(uniqueKeysWithValues: plan.assignments.map { ($0.person, $0) })
        #expect(placed["m-sat"]?.activity == "a-lunch")
        #expect(placed["m-sat"]?.notFree == false)
        // Free on Mondays only: placed, but marked as not free for the Saturday lunch.
        #expect(placed["m-mon"]?.activity == "a-lunch")
        #expect(placed["m-mon"]?.notFree == true)
        #expect(placed["m-away"] == nil)
        #expect(!plan.assignments.contains { $0.activity == "a-supper" })
    }
}
