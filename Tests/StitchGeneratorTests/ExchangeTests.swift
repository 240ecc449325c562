import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("Generated exchanges and attendance")
struct ExchangeTests {
    @Test func giversOfferTheSkillAndFieldsAreInRange() throws {
        let community = try Fixtures.medium()
        let byID = Dictionary(uniqueKeysWithValues: community.members.map { ($0.id, $0) })
        let first = Fixtures.referenceDate.adding(days: -730)
        for exchange in community.exchanges {
            let giver = try #require(byID[exchange.giver])
            let skill = try #require(exchange.skill)
            #expect(giver.offers.contains(skill), "\(exchange.id ?? "") \(skill)")
            #expect(exchange.giver != exchange.receiver)
            #expect(!giver.avoid.contains(exchange.receiver), "safeguarding pairs never exchange")
            #expect((0.5...4).contains(exchange.hours) && (exchange.hours * 2).rounded() == exchange.hours * 2)
            let date = try #require(exchange.date)
            #expect(date >= first && date < Fixtures.referenceDate)
        }
        let dates = community.exchanges.compactMap(\.date)
        #expect(dates == dates.sorted(), "exchanges are in date order")
        #expect(dates.last!.dayNumber - dates.first!.dayNumber > 700, "spread over two years")
    }

    @Test func aFewGiversGiveMostAndSomeMembersMostlyReceive() throws {
        let community = try Fixtures.medium()
        var given: [String: Double] = [:]
        var received: [String: Double] = [:]
        for exchange in community.exchanges {
            given[exchange.giver, default: 0] += exchange.hours
            received[exchange.receiver, default: 0] += exchange.hours
        }
        let ranked = community.members.map { given[$0.id] ?? 0 }.sorted(by: >)
        let total = ranked.reduce(0, +)
        let topTenth = ranked.prefix(ranked.count / 10).reduce(0, +)
        #expect(topTenth / total > 0.35, "the top 10% of members give over a third of all hours")
        let mostlyReceive = community.members.filter {
            (received[$0.id] ?? 0) >= 4 && (given[$0.id] ?? 0) * 4 <= (received[$0.id] ?? 0)
        }
        #expect(Double(mostlyReceive.count) / Double(community.members.count) > 0.05)
    }

    @Test func tiesAreMostlyBonding() throws {
        let community = try Fixtures.medium()
        let byID = Dictionary(uniqueKeysWithValues: community.members.map { ($0.id, $0) })
        let bonding = Fixtures.share(community.exchanges) { exchange in
            let a = byID[exchange.giver]!
            let b = byID[exchange.receiver]!
            return Fixtures.km(a.location!, b.location!) < 2 || !Set(a.groups).isDisjoint(with: b.groups)
        }
        #expect(bonding > 0.7)
        #expect(bonding < 0.98, "a few ties bridge neighbourhoods")
        let needed = Fixtures.share(community.exchanges) { byID[$0.receiver]!.needs.contains($0.skill!) }
        #expect(needed > 0.2, "receivers often asked for exactly that skill")
        let pairs = Set(community.exchanges.map { $0.giver + ">" + $0.receiver })
        #expect(
            Double(pairs.count) < 0.8 * Double(community.exchanges.count), "many exchanges repeat a regular pairing")
    }

    @Test func attendanceMatchesInterestsPlacesAndDays() throws {
        let community = try Fixtures.medium()
        let members = Dictionary(uniqueKeysWithValues: community.members.map { ($0.id, $0) })
        let activities = Dictionary(uniqueKeysWithValues: community.activities.map { ($0.id, $0) })
        let earliest = Fixtures.referenceDate.adding(days: -7 * 27)
        var perMember: [String: Set<String>] = [:]
        for record in community.attendance {
            let member = try #require(members[record.member])
            let activity = try #require(activities[record.activity])
            let date = try #require(record.date)
            #expect(date < Fixtures.referenceDate && date >= earliest)
            #expect(activity.schedule.contains { $0.day == date.weekday }, "attends on a day it meets")
            if member.housebound { #expect(activity.online) }
            if let lo = activity.ageMin { #expect(Fixtures.referenceDate.year - member.birthYear! >= lo) }
            if !activity.online, let place = activity.location {
                #expect(Fixtures.km(member.location!, place) <= member.travelKm! + 0.6)
            }
            perMember[record.member, default: []].insert(record.activity)
        }
        #expect(perMember.values.allSatisfy { (1...3).contains($0.count) })
        #expect(Double(perMember.count) / Double(community.members.count) > 0.3)
        let recordsPerPair = Double(community.attendance.count) / Double(perMember.values.reduce(0) { $0 + $1.count })
        #expect((2...8).contains(recordsPerPair))
    }
}
