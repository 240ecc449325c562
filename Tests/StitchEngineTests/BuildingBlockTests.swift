import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@Suite struct WeekMaskTests {
    @Test func overlapCountsSharedQuarterHours() throws {
        let a = WeekMask([try #require(Slot(.tue, "09:00", "13:00"))])
        let b = WeekMask([try #require(Slot(.tue, "10:00", "12:00")), try #require(Slot(.wed, "10:00", "12:00"))])
        #expect(a.overlapMinutes(with: b) == 120)
        #expect(b.minutes == 240)
        #expect(a.intersection(b).slots.map(\.description) == ["Tue 10:00-12:00"])
    }

    @Test func partialQuarterHoursRoundOutwards() throws {
        let mask = WeekMask([try #require(Slot(.sun, "23:50", "24:00"))])
        #expect(mask.minutes == 15)
        #expect(mask.slots.map(\.description) == ["Sun 23:45-24:00"])
    }

    @Test func slotsRoundTripThroughTheMask() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let day = Weekday.allCases.randomElement(using: &rng)!
            let start = Int.random(in: 0..<95, using: &rng)
            let end = Int.random(in: (start + 1)...96, using: &rng)
            let slot = try #require(Slot(day: day, start: TimeOfDay(minutes: start * 15)!, end: TimeOfDay(minutes: end * 15)!))
            #expect(WeekMask([slot]).slots == [slot])
        }
    }
}

@Suite struct GreatCircleTests {
    @Test func knownDistances() throws {
        let catford = try #require(Location(lat: 51.4452, lon: -0.0209))
        let lewisham = try #require(Location(lat: 51.4613, lon: -0.0106))
        // Reference: haversine with R = 6371.0088 km.
        #expect(abs(GreatCircle.distanceKm(catford, lewisham) - 1.9267) < 0.001)
        let london = try #require(Location(lat: 51.5074, lon: -0.1278)), paris = try #require(Location(lat: 48.8566, lon: 2.3522))
        #expect(abs(GreatCircle.distanceKm(london, paris) - 343.56) < 0.1)
        #expect(GreatCircle.distanceKm(catford, catford) == 0)
    }
}

@Suite struct SkillTests {
    static let engine: Engine = {
        let community = RandomCommunity.make(seed: 21, members: 400, activities: 30, skills: PropertyTests.skills)
        return try! Engine(community: community, taxonomy: Fixtures.taxonomy)
    }()

    @Test func synonymsResolveToTheirSkill() throws {
        let community = Community(members: [
            Member(id: "m-1", offers: ["accompanying"], location: Location(lat: 51.44, lon: -0.02)),
            Member(id: "m-2", offers: ["Lift to Hospital"], location: Location(lat: 51.44, lon: -0.02)),
            Member(id: "m-3", offers: ["plumbing"], location: Location(lat: 51.44, lon: -0.02)),
        ])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let ranking = try engine.whoCanHelp(HelpRequest(skill: "accompany to hospital", location: Location(lat: 51.44, lon: -0.02)))
        #expect(ranking.matches.first?.id == "m-1")
        #expect(ranking.matches.first?.factors.skill == 1)
        #expect(!ranking.matches.contains { $0.id == "m-3" }, "an unrelated skill is no candidate")
        let lifts = try engine.whoCanHelp(HelpRequest(skill: "driving", location: Location(lat: 51.44, lon: -0.02)))
        #expect(lifts.matches.first?.id == "m-2", "a synonym of lifts finds the member who wrote another synonym")
    }

    @Test func taxonomyParentsAndChildrenAreRelated() throws {
        let community = Community(members: [
            Member(id: "m-gentle", offers: ["gentle-gardening"], location: Location(lat: 51.44, lon: -0.02)),
            Member(id: "m-garden", offers: ["gardening"], location: Location(lat: 51.44, lon: -0.02)),
        ])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let r = try engine.whoCanHelp(HelpRequest(skill: "allotment", location: Location(lat: 51.44, lon: -0.02)))
        let byID = Dictionary(uniqueKeysWithValues: r.matches.map { ($0.id, $0) })
        #expect(byID["m-garden"]?.factors.skill == 1, "allotment is a synonym of gardening")
        #expect(byID["m-gentle"].map { $0.factors.skill > 0.5 && $0.factors.skill < 1 } == true, "a narrower skill serves, less well")
        #expect(byID["m-gentle"]?.reasons.first?.contains("a kind of gardening") == true)
    }

    @Test func livedExperienceIsAChanceToGive() throws {
        let place = Location(lat: 51.44, lon: -0.02)
        let community = Community(members: [
            Member(id: "m-pete", offers: ["golf"], experiences: ["diabetes"], location: place),
            Member(id: "m-new", needs: ["diabetes peer support"], location: place),
            Member(id: "m-other", needs: ["plumbing"], location: place),
        ])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let give = try engine.opportunities(for: "m-pete")
        #expect(give.matches.map(\.id) == ["m-new"])
        #expect(give.matches.first?.reasons.first == "Needs diabetes peer support")
        let explained = try engine.explain(ExplainQuery(subject: .id("m-new"), candidate: "m-pete"))
        #expect(explained.factors.skill == 1, "explain without a skill takes the subject's need")
        #expect(explained.reasons.first == "Has lived experience of diabetes")
    }

    @Test func freeTextMatchesOnlyItself() throws {
        let community = Community(members: [
            Member(id: "m-1", offers: ["Bike Repair"], location: Location(lat: 51.44, lon: -0.02)),
            Member(id: "m-2", offers: ["shopping"], location: Location(lat: 51.44, lon: -0.02)),
        ])
        let engine = try Engine(community: community, taxonomy: Fixtures.taxonomy)
        let r = try engine.whoCanHelp(HelpRequest(skill: "bike repair", location: Location(lat: 51.44, lon: -0.02)))
        #expect(r.matches.map(\.id) == ["m-1"])
        let none = try engine.whoCanHelp(HelpRequest(skill: "unicycling", location: Location(lat: 51.44, lon: -0.02)))
        #expect(none.matches.isEmpty)
        #expect(!none.notes.isEmpty)
    }
}

@Suite struct PipelineTests {
    @Test func tiesAreBrokenByID() throws {
        let place = Location(lat: 51.44, lon: -0.02)
        let members = ["m-c", "m-a", "m-d", "m-b"].map { Member(id: $0, offers: ["shopping"], location: place) }
        let engine = try Engine(community: Community(members: members), taxonomy: Fixtures.taxonomy)
        let r = try engine.whoCanHelp(HelpRequest(skill: "shopping", location: place))
        #expect(r.matches.map(\.id) == ["m-a", "m-b", "m-c", "m-d"])
        #expect(Set(r.matches.map(\.score)).count == 1)
        let top2 = try engine.whoCanHelp(HelpRequest(skill: "shopping", location: place), limit: 2)
        #expect(top2.matches.map(\.id) == ["m-a", "m-b"])
    }

    @Test func everyExclusionIsCountedByReason() throws {
        let place = Location(lat: 51.44, lon: -0.02)
        let far = Location(lat: 51.60, lon: -0.02)
        let members = [
            Member(id: "m-req", needs: ["shopping"], location: place, avoid: ["m-avoid"]),
            Member(id: "m-avoid", offers: ["shopping"], location: place, homeVisits: true, dbsChecked: true),
            Member(id: "m-nodbs", offers: ["shopping"], location: place, homeVisits: true),
            Member(id: "m-novisit", offers: ["shopping"], location: place, dbsChecked: true),
            Member(id: "m-far", offers: ["shopping"], location: far, homeVisits: true, dbsChecked: true),
            Member(id: "m-busy", offers: ["shopping"], availability: [Slot(.mon, "09:00", "10:00")!], location: place, homeVisits: true, dbsChecked: true),
            Member(id: "m-gone", offers: ["shopping"], location: place, homeVisits: true, dbsChecked: true, active: false),
            Member(id: "m-ok", offers: ["shopping"], location: place, homeVisits: true, dbsChecked: true),
        ]
        let engine = try Engine(community: Community(members: members), taxonomy: Fixtures.taxonomy)
        let r = try engine.whoCanHelp(HelpRequest(requester: "m-req", skill: "shopping", when: [Slot(.fri, "10:00", "11:00")!], atHome: true, requiresDBS: true))
        #expect(r.matches.map(\.id) == ["m-ok"])
        #expect(r.excluded[.safeguarding] == 1)
        #expect(r.excluded[.dbs] == 1)
        #expect(r.excluded[.homeVisits] == 1)
        #expect(r.excluded[.distance] == 1)
        #expect(r.excluded[.availability] == 1)
        #expect(r.excluded[.inactive] == 1)
        #expect(r.considered == 7)
        let why = try engine.explain(ExplainQuery(subject: .id("m-req"), candidate: "m-far", skill: "shopping"))
        #expect(why.excludedBy == [.distance])
        #expect(why.constraints?.first { $0.constraint == .distance }?.passed == false)
    }

    @Test func badQueriesNameTheField() throws {
        let engine = try Engine(community: Community(members: [Member(id: "m-1")]), taxonomy: Fixtures.taxonomy)
        #expect(throws: QueryError.unknownMember(field: "request.requester", id: "m-9")) {
            try engine.whoCanHelp(HelpRequest(requester: "m-9", skill: "shopping"))
        }
        #expect(throws: QueryError.invalid(field: "limit", reason: "must be between 1 and 1000")) {
            try engine.whoCanHelp(HelpRequest(requester: "m-1", skill: "shopping"), limit: 0)
        }
        #expect(throws: QueryError.unknownMember(field: "member", id: "nobody")) { try engine.opportunities(for: "nobody") }
        #expect(throws: QueryError.unknownMember(field: "referral.person", id: "x")) { try engine.refer(Referral(person: .id("x"))) }
        #expect(throws: QueryError.unknownMember(field: "candidate", id: "zz")) {
            try engine.explain(ExplainQuery(subject: .id("m-1"), candidate: "zz"))
        }
    }

    @Test func invalidCommunityIsRejectedWithEveryError() {
        let community = Community(members: [Member(id: "m-1", avoid: ["m-2"]), Member(id: "m-1")])
        #expect {
            try Engine(community: community, taxonomy: Fixtures.taxonomy)
        } throws: { error in
            guard let e = error as? ValidationErrors else { return false }
            return e.errors.map(\.field) == ["members[1].id", "members[0].avoid[0]"]
        }
    }
}

@Suite struct PlanningAPITests {
    @Test func placementsAreTheFeasibleActivitiesAndBuddiesMeetTheirConstraints() throws {
        let engine = try Fixtures.lewishamEngine
        let community = try Fixtures.lewisham
        let oracle = ConstraintOracle(community, engine: engine)
        let maud = try #require(oracle.members["m-maud"])
        let placements = try engine.placements(for: Referral(person: .id("m-maud")), limit: 1000)
        #expect(placements.matches.first?.id == "a-knit-natter")
        #expect(!placements.matches.contains { $0.id == "a-knit-far" || $0.id == "a-knit-full" })
        for m in placements.matches { #expect(oracle.brokenActivityConstraint(maud, oracle.activities[m.id]!, lift: m.lift) == nil) }
        let buddies = try engine.buddies(for: .id("m-maud"), activity: "a-knit-natter", limit: 5)
        #expect(buddies.matches.first?.id == "m-ada")
        for b in buddies.matches {
            #expect(oracle.brokenBuddyConstraint(oracle.members[b.id]!, person: maud, activity: oracle.activities["a-knit-natter"]!) == nil)
        }
        #expect(try engine.remainingPlaces(activity: "a-knit-natter") == 3)
        #expect(throws: QueryError.unknownActivity(field: "activity", id: "a-none")) {
            try engine.buddies(for: .id("m-maud"), activity: "a-none", limit: 5)
        }
    }
}
