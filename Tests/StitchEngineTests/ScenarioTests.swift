import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

/// The field scenarios (SCENARIOS.md) as acceptance tests on the bundled Lewisham community:
/// properties of a good answer, not exact ranks. Nothing in the engine knows these ids.
@Suite("Field scenarios on the bundled community")
struct ScenarioTests {
    let engine: Engine
    let community: Community

    init() throws {
        engine = try Fixtures.lewishamEngine
        community = try Fixtures.lewisham
    }

    func groups(ofActivity id: String) -> [String] { community.activities.first { $0.id == id }?.groups ?? [] }

    func position(_ id: String, in ranking: Ranking) -> Int? { ranking.matches.firstIndex { $0.id == id } }

    @Test("1. Bee: poetry and gentle gardening on Wednesdays, a bridge out of services, chances to lead")
    func bee() throws {
        let referral = Referral(person: .id("m-bee"), goals: FiveWays(connect: 1, takeNotice: 1, give: 1))
        let all = try engine.refer(referral, limit: 1000, withBuddy: false)
        let poetry = try #require(position("a-poetry-afternoon", in: all))
        let gardening = try #require(position("a-allotment", in: all))
        let bootcamp = position("a-bootcamp", in: all) ?? Int.max
        #expect(poetry < bootcamp && gardening < bootcamp, "poetry \(poetry), gardening \(gardening), bootcamp \(bootcamp)")
        #expect(poetry < 5 && gardening < 5)

        let top = try engine.refer(referral, limit: 5)
        let outside = top.matches.prefix(3).filter { !groups(ofActivity: $0.id).contains("slam-ward") }
        #expect(!outside.isEmpty, "an activity outside mental-health services ranks in the top 3")
        #expect(top.matches.contains { m in community.activities.first { $0.id == m.id }?.wellbeing.contains(.give) == true },
                "the answer leaves a way to give")

        let give = try engine.opportunities(for: "m-bee", limit: 5)
        let leading = give.matches.prefix(3).map(\.id)
        #expect(leading.contains("a-poetry-afternoon") || leading.contains("a-staff-induction"), "top 3 to give: \(leading)")
        #expect(give.matches.first { $0.id == "a-staff-induction" }?.reasons.contains { $0.contains("staff training") } == true)
    }

    @Test("2. Accompanying to hospital on Tuesday morning: the Rushey Green befriender near the top")
    func june() throws {
        let request = HelpRequest(
            requester: "m-arthur", skill: "accompany to hospital", when: [Slot(.tue, "10:00", "12:00")!])
        let ranking = try engine.whoCanHelp(request, limit: 10)
        let june = try #require(position("m-june", in: ranking))
        #expect(june < 3, "June at \(june)")
        #expect((position("m-colin", in: ranking) ?? Int.max) > june, "the closer member not free on Tuesday morning ranks lower")
        #expect(position("m-sam", in: ranking) == nil, "safeguarding")
        #expect(position("m-olive", in: ranking) == nil, "inactive")
        #expect(ranking.excluded[.safeguarding] >= 1 && ranking.excluded[.availability] >= 1)
        #expect(ranking.matches[june].reasons.contains("Free Tue 10:00-12:00 as asked"))
        let colin = try engine.explain(ExplainQuery(subject: .id("m-arthur"), candidate: "m-colin", skill: "accompany to hospital"))
        #expect(colin.factors.locality > ranking.matches[june].factors.locality, "Colin is closer")
    }

    @Test("3. Maud: a nearby seated knitting group first, far ones excluded, a neighbour as buddy")
    func maud() throws {
        let ranking = try engine.refer(Referral(person: .id("m-maud")), limit: 10)
        let first = try #require(ranking.matches.first)
        #expect(first.id == "a-knit-natter")
        #expect(position("a-knit-far", in: ranking) == nil)
        #expect(ranking.excluded[.distance] >= 1)
        let far = try engine.explain(ExplainQuery(subject: .id("m-maud"), candidate: "a-knit-far"))
        #expect(far.excludedBy == [.distance])
        let full = try engine.explain(ExplainQuery(subject: .id("m-maud"), candidate: "a-knit-full"))
        #expect(full.excludedBy?.contains(.capacity) == true)

        let buddy = try #require(first.buddy)
        let buddyMember = try #require(community.members.first { $0.id == buddy.id })
        #expect(community.attendance.contains { $0.member == buddy.id && $0.activity == "a-knit-natter" }, "the buddy attends it")
        #expect((buddy.distanceKm ?? 99) <= 1, "the buddy lives nearby")
        #expect(buddyMember.id != "m-ruth", "Ruth attends but lives too far to call for her")
    }

    @Test("4. Kathy: no art class without step-free access; environmental volunteering high; chances to teach painting")
    func kathy() throws {
        let ranking = try engine.refer(Referral(person: .id("m-kathy")), limit: 1000)
        #expect(position("a-art-upstairs", in: ranking) == nil)
        #expect(ranking.excluded[.access] >= 1)
        let why = try engine.explain(ExplainQuery(subject: .id("m-kathy"), candidate: "a-art-upstairs"))
        #expect(why.excludedBy == [.access])
        let green = try #require(position("a-green-gym", in: ranking))
        #expect(green < 3, "environmental volunteering at \(green)")
        for m in ranking.matches {
            let activity = try #require(community.activities.first { $0.id == m.id })
            #expect(activity.online || activity.access.contains(.wheelchair), "\(m.id) must be wheelchair accessible")
        }
        let give = try engine.opportunities(for: "m-kathy", limit: 5)
        #expect(give.matches.prefix(3).contains { $0.reasons.joined().lowercased().contains("painting") })
    }

    @Test("5. Diabetes peer support: shared lived experience first")
    func pete() throws {
        let ranking = try engine.whoCanHelp(HelpRequest(requester: "m-nikhil", skill: "diabetes peer support"), limit: 10)
        let first = try #require(ranking.matches.first)
        #expect(first.id == "m-pete")
        #expect(first.reasons.contains("Has lived experience of diabetes"))
        #expect((position("m-grace", in: ranking) ?? Int.max) > 0)
        let grace = try engine.explain(ExplainQuery(subject: .id("m-nikhil"), candidate: "m-grace", skill: "diabetes peer support"))
        #expect(grace.factors.skill < first.factors.skill)
    }

    @Test("6. Vera: a young parent bridges more than a tied neighbour in her scheme")
    func vera() throws {
        let jade = try engine.explain(ExplainQuery(subject: .id("m-vera"), candidate: "m-jade", skill: "befriending"))
        let edith = try engine.explain(ExplainQuery(subject: .id("m-vera"), candidate: "m-edith", skill: "befriending"))
        #expect(jade.factors.bridging > edith.factors.bridging)
        #expect(edith.reasons.contains("Already know each other"))
        #expect(jade.reasons.contains("Would link two groups that rarely meet"))
    }
}
