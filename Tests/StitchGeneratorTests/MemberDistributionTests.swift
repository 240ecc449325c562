import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("Generated members look like a Lewisham time bank")
struct MemberDistributionTests {
    let year = Fixtures.referenceDate.year

    func inPrison(_ member: Member) -> Bool { member.groups.contains("hmp-belmarsh") }

    @Test func sharesArePlausible() throws {
        let members = try Fixtures.medium().members
        let housebound = Fixtures.share(members, \.housebound)
        #expect((0.02...0.10).contains(housebound))
        let houseboundOld = Fixtures.share(members.filter(\.housebound)) { year - $0.birthYear! >= 75 }
        #expect(houseboundOld >= 0.6, "housebound members are mostly 75+")
        #expect((0.22...0.38).contains(Fixtures.share(members, \.homeVisits)))
        #expect((0.14...0.26).contains(Fixtures.share(members, \.dbsChecked)))
        #expect((0.08...0.17).contains(Fixtures.share(members) { !$0.accessNeeds.isEmpty }))
        #expect((0.10...0.20).contains(Fixtures.share(members) { !$0.experiences.isEmpty }))
        #expect((0.92...0.98).contains(Fixtures.share(members, \.active)))
        #expect((0.005...0.02).contains(Fixtures.share(members) { !$0.avoid.isEmpty }))
        #expect((0.005...0.03).contains(Fixtures.share(members, inPrison)))
        #expect(Fixtures.share(members) { $0.languages.contains("en") } >= 0.95)
        #expect((0.12...0.30).contains(Fixtures.share(members) { $0.languages.count > 1 }))
    }

    @Test func agesAreSkewedOlder() throws {
        let ages = try Fixtures.medium().members.map { year - $0.birthYear! }
        #expect(ages.allSatisfy { (18...95).contains($0) })
        let over60 = Fixtures.share(ages) { $0 >= 60 }
        #expect((0.4...0.6).contains(over60))
        #expect(Fixtures.share(ages) { $0 < 30 } < 0.15)
    }

    @Test func everyoneLivesNearLewishamInNeighbourhoodClusters() throws {
        let members = try Fixtures.medium().members
        for member in members where !inPrison(member) {
            let location = try #require(member.location)
            #expect(Fixtures.km(location, Fixtures.lewishamCentre) < 15, "\(member.id)")
        }
        // Clustered, not uniform: most members live within 1.2 km of one of the twelve centres.
        let centres = [
            (51.4449, -0.0203), (51.4613, -0.0106), (51.4780, -0.0260), (51.4646, -0.0375), (51.4272, -0.0542),
            (51.4393, -0.0530), (51.4545, 0.0125), (51.4280, 0.0070), (51.4763, -0.0380), (51.4499, -0.0450),
            (51.4329, -0.0197), (51.4520, -0.0009),
        ].map { Location(lat: $0.0, lon: $0.1)! }
        let near = Fixtures.share(members.filter { !inPrison($0) }) { m in
            centres.contains { Fixtures.km($0, m.location!) < 1.2 }
        }
        #expect(near > 0.85)
    }

    @Test func prisonMembersStayInside() throws {
        let community = try Fixtures.medium()
        let prisoners = community.members.filter(inPrison)
        #expect(!prisoners.isEmpty)
        let ids = Set(prisoners.map(\.id))
        for member in prisoners {
            #expect(member.travelKm == 0 && !member.homeVisits && !member.housebound)
            #expect(member.groups == ["hmp-belmarsh"])
        }
        for exchange in community.exchanges where ids.contains(exchange.giver) || ids.contains(exchange.receiver) {
            #expect(ids.contains(exchange.giver) && ids.contains(exchange.receiver))
        }
        #expect(!community.attendance.contains { ids.contains($0.member) })
    }

    @Test func fieldsAreInRange() throws {
        let groups: Set<String> = [
            "gp-rushey-green", "gp-lee", "gp-deptford", "gp-honor-oak", "gp-sydenham", "gp-downham", "slam-ward",
            "ha-phoenix",
            "sh-ravensbourne-court", "sh-kirkdale-lodge", "hmp-belmarsh", "faith-st-laurence",
            "faith-lewisham-islamic-centre",
            "faith-st-pauls-deptford", "parents-brockley", "youth-deptford", "rgtb", "age-uk-lewisham",
            "sydenham-garden",
            "parks-volunteers", "lewisham-libraries",
        ]
        for member in try Fixtures.medium().members {
            #expect((1...4).contains(member.offers.count) && (1...4).contains(member.interests.count), "\(member.id)")
            #expect(member.needs.count <= 5 && Set(member.needs).isDisjoint(with: member.offers))
            #expect((1...3).contains(member.groups.count) && Set(member.groups).isSubset(of: groups))
            #expect((1...4).contains(member.availability.count))
            #expect(Set(member.availability.map(\.day)).count == member.availability.count, "one slot a day")
            for slot in member.availability {
                #expect((90...240).contains(slot.minutes) && slot.start.minutes % 15 == 0 && slot.end.minutes % 15 == 0)
            }
            let travel = try #require(member.travelKm)
            #expect(inPrison(member) ? travel == 0 : (0.5...6).contains(travel))
            #expect(member.name?.isEmpty == false)
            let goals = try #require(member.wellbeing)
            #expect(WellbeingWay.allCases.allSatisfy { (0...1).contains(goals[$0]) })
        }
    }

    @Test func olderMembersTravelLessAndNeedMore() throws {
        let members = try Fixtures.medium().members.filter { !$0.groups.contains("hmp-belmarsh") }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(1, values.count)) }
        let old = members.filter { year - $0.birthYear! >= 75 }
        let young = members.filter { year - $0.birthYear! < 45 }
        #expect(mean(old.map { $0.travelKm! }) < mean(young.map { $0.travelKm! }) - 1)
        #expect(mean(old.map { Double($0.needs.count) }) > 1.5 * mean(young.map { Double($0.needs.count) }))
        let oldNeeds = old.flatMap(\.needs)
        let practical = Fixtures.share(oldNeeds) {
            ["shopping", "lifts", "befriending", "prescription-collection"].contains($0)
        }
        #expect(practical > 0.3)
    }

    @Test func avoidPairsAreSymmetric() throws {
        let members = try Fixtures.medium().members
        let byID = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0) })
        for member in members {
            for other in member.avoid { #expect(byID[other]?.avoid.contains(member.id) == true) }
        }
    }

    @Test func skillsCoOccurInClusters() throws {
        let sets = try Fixtures.medium().members.map { Set($0.offers + $0.interests) }
        func lift(_ a: String, _ b: String) -> Double {
            let n = Double(sets.count)
            let pa = Double(sets.filter { $0.contains(a) }.count) / n
            let pb = Double(sets.filter { $0.contains(b) }.count) / n
            let pab = Double(sets.filter { $0.contains(a) && $0.contains(b) }.count) / n
            return pab / (pa * pb)
        }
        #expect(lift("knitting", "crochet") > 2)
        #expect(lift("computer-help", "video-calls") > 2)
        #expect(lift("gardening", "food-growing") > 2)
        #expect(lift("shopping", "prescription-collection") > 2)
        #expect(lift("knitting", "computer-help") < 1)
        #expect(lift("toddler-group", "chair-exercise") < 1)
    }

    @Test func commonTimeBankSkillsAreCommon() throws {
        var counts: [String: Int] = [:]
        for member in try Fixtures.medium().members { for offer in member.offers { counts[offer, default: 0] += 1 } }
        let top = Set(counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(20).map(\.key))
        for skill in ["befriending", "shopping", "gardening", "diy", "lifts", "computer-help"] {
            #expect(top.contains(skill), "\(skill) is among the 20 most offered skills")
        }
    }
}
