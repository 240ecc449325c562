import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchPlanning
import StitchTestSupport
import Testing

/// The engine-backed planner end to end: requests, answers, buddies, practices.
@Suite("Planning with the engine")
struct AllocatorTests {
    static let cast: Result<Engine, any Error> = Result {
        try Engine(community: ScenarioCast.community, taxonomy: Fixtures.taxonomy)
    }

    static func referral(_ id: String, _ person: String, _ referrer: String? = nil) -> Referral {
        Referral(id: id, person: .id(person), referrer: referrer)
    }

    @Test func theProtocolExample() throws {
        let housebound = Member(id: "p-17", location: Location(lat: 51.44, lon: -0.02), housebound: true)
        let request = PlanRequest(referrals: [
            Self.referral("r-1", "m-maud", "gp-downham"), Self.referral("r-2", "m-kathy", "gp-honor-oak"),
            Referral(id: "r-3", person: .inline(housebound)),
        ])
        let plan = try Allocator(engine: Self.cast.get()).allocate(request)
        #expect(plan.assignments.map(\.referral) == ["r-1", "r-2"])
        #expect(plan.assignments.first?.activity == "a-knit-natter" && plan.assignments.first?.buddy == "m-ada")
        let r3 = try #require(plan.unassigned.first)
        #expect(r3.referral == "r-3" && r3.person == "p-17" && r3.reason == .noFeasibleActivity)
        #expect(r3.detail.hasPrefix("Every activity excluded: distance"))
        #expect((r3.excluded?[.distance] ?? 0) > 0)
        #expect(abs(plan.totalScore - plan.assignments.reduce(0) { $0 + $1.score }) < 1e-12)
        #expect(plan.practices.map(\.practice) == ["gp-downham", "gp-honor-oak", nil])
        #expect(plan.practices.last?.placed == 0 && plan.practices.last?.meanScore == nil)
    }

    @Test func badRequestsNameTheField() throws {
        let engine = try Self.cast.get()
        let planner = Allocator(engine: engine)
        let ok = [Self.referral("r-1", "m-maud"), Self.referral("r-2", "m-kathy")]
        let cases: [(PlanRequest, QueryError)] = [
            (PlanRequest(referrals: []), .invalid(field: "referrals", reason: "must not be empty")),
            (
                PlanRequest(referrals: [Referral(person: .id("m-maud"))]),
                .invalid(field: "referrals[0].id", reason: "is required: a plan names each referral by its id")
            ),
            (
                PlanRequest(referrals: [Self.referral(" ", "m-maud")]),
                .invalid(field: "referrals[0].id", reason: "must not be empty")
            ),
            (
                PlanRequest(referrals: ok + [Self.referral("r-1", "m-pete")]),
                .invalid(field: "referrals[2].id", reason: "duplicate referral id 'r-1' (also referrals[0])")
            ),
            (
                PlanRequest(referrals: ok + [Self.referral("r-3", "m-maud")]),
                .invalid(
                    field: "referrals[2].person",
                    reason: "'m-maud' is already referred in referrals[0]; use maxPerPerson for more than one place")
            ),
            (
                PlanRequest(referrals: ok, maxPerPerson: 0),
                .invalid(field: "maxPerPerson", reason: "must be between 1 and 10")
            ),
            (PlanRequest(referrals: ok, topK: 0), .invalid(field: "topK", reason: "must be between 1 and 1000")),
            (PlanRequest(referrals: ok, topK: 1001), .invalid(field: "topK", reason: "must be between 1 and 1000")),
            (
                PlanRequest(referrals: ok, buddyLimitPerWeek: -1),
                .invalid(field: "buddyLimitPerWeek", reason: "-1 must not be negative")
            ),
            (
                PlanRequest(referrals: ok, maxSharePerPractice: 0),
                .invalid(field: "maxSharePerPractice", reason: "must be above 0 and at most 1")
            ),
            (
                PlanRequest(referrals: ok, maxSharePerPractice: .nan),
                .invalid(field: "maxSharePerPractice", reason: "must be above 0 and at most 1")
            ),
            (
                PlanRequest(referrals: [Self.referral("r-1", "m-maud"), Self.referral("r-2", "m-nobody")]),
                .unknownMember(field: "referrals[1].person", id: "m-nobody")
            ),
        ]
        for (request, error) in cases {
            #expect(throws: error) { try planner.allocate(request) }
        }
    }

    @Test func requestsDecodeWithDefaultsAndNameBadFields() throws {
        let request = try JSONDecoder().decode(
            PlanRequest.self, from: Data(#"{"referrals": [{"id": "r-1", "person": "m-maud"}]}"#.utf8))
        #expect(request == PlanRequest(referrals: [Self.referral("r-1", "m-maud")]))
        #expect(
            request.maxPerPerson == 1 && request.topK == 20 && request.withBuddies && request.buddyLimitPerWeek == 2)
        #expect(request.fairness == .total && request.profile == .planning && request.maxSharePerPractice == nil)
        func error(_ json: String) -> ValidationError? {
            do {
                _ = try JSONDecoder().decode(PlanRequest.self, from: Data(json.utf8))
                return nil
            } catch let e as DecodingError {
                return ValidationError(e)
            } catch {
                return nil
            }
        }
        #expect(error(#"{"referrals": [], "fairness": "fair"}"#)?.field == "fairness")
        #expect(
            error(#"{"referrals": [], "fairness": "fair"}"#)?.reason
                == "unknown value 'fair'; expected one of total, maximin")
        #expect(error(#"{"referrals": [], "maxPerPerson": "two"}"#)?.field == "maxPerPerson")
        #expect(error(#"{"maxPerPerson": 1}"#)?.field == "referrals")
        #expect(error(#"{"referrals": [{"id": "r-1"}]}"#)?.field == "referrals[0].person")
    }

    @Test func buddiesRespectTheWeeklyLimit() throws {
        let session = try ScenarioSeven.session.get()
        let planner = Allocator(engine: session.engine)
        for limit in [1, 2] {
            let plan = try planner.allocate(PlanRequest(referrals: session.referrals, buddyLimitPerWeek: limit))
            var load: [String: Int] = [:]
            for a in plan.assignments { if let b = a.buddy { load[b, default: 0] += 1 } }
            #expect(load.values.allSatisfy { $0 <= limit })
            #expect(!load.isEmpty)
            let referred = Set(session.referrals.map(\.person.id))
            #expect(
                load.keys.allSatisfy { !referred.contains($0) }, "nobody referred this week accompanies someone else")
        }
        let none = try planner.allocate(PlanRequest(referrals: session.referrals, withBuddies: false))
        #expect(none.assignments.allSatisfy { $0.buddy == nil })
        let zero = try planner.allocate(PlanRequest(referrals: session.referrals, buddyLimitPerWeek: 0))
        #expect(zero.assignments.allSatisfy { $0.buddy == nil })
    }

    @Test func severalPlacesPerPersonAndFairness() throws {
        let session = try ScenarioSeven.session.get()
        let planner = Allocator(engine: session.engine)
        let one = try planner.allocate(PlanRequest(referrals: session.referrals))
        let two = try planner.allocate(PlanRequest(referrals: session.referrals, maxPerPerson: 2))
        #expect(two.placed >= one.placed)
        for r in session.referrals {
            let mine = two.assignments.filter { $0.referral == r.id }
            #expect(mine.count <= 2 && Set(mine.map(\.activity)).count == mine.count)
        }
        let fair = try planner.allocate(PlanRequest(referrals: session.referrals, fairness: .maximin))
        #expect(fair.placed == one.placed)
        #expect((fair.lowestScore ?? 0) >= (one.lowestScore ?? 0))
        #expect(fair.totalScore <= one.totalScore + 1e-9)
    }

    @Test func practiceSharesCapEachPractice() throws {
        let session = try ScenarioSeven.session.get()
        let planner = Allocator(engine: session.engine)
        let free = try planner.allocate(PlanRequest(referrals: session.referrals))
        // A share just under the busiest practice's uncapped placements, so the cap must bind.
        let busiest = try #require(free.practices.map(\.placed).max())
        try #require(busiest >= 2)
        let share = (Double(busiest) - 1.5) / Double(free.placed)
        let capped = try planner.allocate(PlanRequest(referrals: session.referrals, maxSharePerPractice: share))
        let cap = Int((share * Double(free.placed)).rounded(.up))
        for p in capped.practices {
            #expect(p.cap == cap)
            #expect(p.placed <= cap)
        }
        // The cap binds: the busiest practice places fewer than it did uncapped. (Whether its
        // displaced referral is told "practice share" or "places taken" depends on whether another
        // practice then fills the freed place.)
        let busiestPractice = try #require(free.practices.first { $0.placed == busiest }?.practice)
        #expect((capped.practices.first { $0.practice == busiestPractice }?.placed ?? 0) < busiest)
        #expect(capped.unassigned.count > free.unassigned.count || capped.placed == free.placed)
        for u in capped.unassigned where u.reason == .practiceShare {
            #expect(u.detail.contains("already has its share"))
        }
    }

    @Test func aSmallTopKIsSaidInTheReason() throws {
        let session = try ScenarioSeven.session.get()
        let plan = try Allocator(engine: session.engine).allocate(PlanRequest(referrals: session.referrals, topK: 1))
        let taken = plan.unassigned.filter { $0.reason == .placesTaken }
        #expect(!taken.isEmpty)
        #expect(taken.allSatisfy { $0.full?.count == 1 && $0.detail.hasPrefix("The one feasible activity, ") })
        #expect(taken.contains { $0.detail.hasSuffix("were considered (topK)") })
    }

    @Test(arguments: [3, 4, 5] as [UInt64])
    func randomCommunitiesGiveSafeCompleteDeterministicPlans(seed: UInt64) throws {
        let skills = [
            "befriending", "gardening", "knitting", "poetry", "walking", "cooking", "painting", "computer-help",
        ]
        let community = RandomCommunity.make(seed: seed, members: 120, activities: 25, skills: skills)
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        var rng = SplitMix64(seed: seed)
        let people = community.members.shuffled(using: &rng).prefix(40)
        let referrals = people.enumerated().map { i, m in
            Referral(id: "r-\(i)", person: .id(m.id), referrer: ["gp-a", "gp-b", nil].randomElement(using: &rng)!)
        }
        let request = PlanRequest(referrals: referrals, topK: 5)
        let plan = try Allocator(engine: engine).allocate(request)
        var feasible: [[String]] = []
        var load: [String: Int] = [:]
        for a in plan.assignments { load[a.activity, default: 0] += 1 }
        for r in referrals {
            let top = try engine.placements(for: r, limit: 5).matches.map(\.id)
            feasible.append(top)
            for a in plan.assignments where a.referral == r.id { #expect(top.contains(a.activity)) }
        }
        for (id, n) in load { #expect(n <= (try engine.remainingPlaces(activity: id) ?? .max)) }
        #expect(plan.placed == Matching.maximum(feasible, capacity: { try? engine.remainingPlaces(activity: $0) }))
        #expect(plan.placed >= plan.greedyPlaced)
        if plan.placed == plan.greedyPlaced { #expect(plan.totalScore >= plan.greedyTotalScore - 1e-9) }
        #expect(plan.assignments.count + plan.unassigned.count == referrals.count)
        // Deterministic, and the JSON round-trips.
        #expect(try Allocator(engine: engine).allocate(request) == plan)
        let decoded = try JSONDecoder().decode(PlanResult.self, from: JSONEncoder().encode(plan))
        #expect(decoded.assignments.map(\.activity) == plan.assignments.map(\.activity))
        #expect(decoded.unassigned.map(\.detail) == plan.unassigned.map(\.detail))
        for (d, u) in zip(decoded.unassigned, plan.unassigned) {
            #expect(d.reason == u.reason && d.full == u.full)
            #expect(ExclusionReason.allCases.allSatisfy { d.excluded?[$0] == u.excluded?[$0] })
        }
    }
}
