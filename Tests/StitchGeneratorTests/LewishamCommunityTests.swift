import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("The bundled Lewisham community")
struct LewishamCommunityTests {
    @Test func isBigEnoughAndSound() throws {
        let community = try Fixtures.lewisham()
        #expect(community.validationErrors() == [])
        #expect(community.members.count >= 260)
        #expect(community.activities.count >= 70)
        let generated = community.exchanges.filter { $0.id?.hasPrefix("g-x-") == true }
        #expect(generated.count >= 1_500)
        let dates = generated.compactMap(\.date)
        #expect(dates.max()!.dayNumber - dates.min()!.dayNumber >= 700)
        #expect(community.attendance.count > 500)
    }

    @Test func includesNearbyOpenActiveSessionsWithAttribution() throws {
        let community = try Fixtures.lewisham()
        let sessions = community.activities.filter { $0.id.hasPrefix("oa-") }
        #expect((10...LewishamCommunity.openActiveLimit).contains(sessions.count))
        for session in sessions {
            #expect(session.attribution == "Active Newham via OpenActive, CC BY 4.0")
            #expect(Fixtures.km(session.location!, Fixtures.lewishamCentre) <= 12.1)
        }
        #expect(Set(sessions.compactMap(\.topics.first)).count >= 10, "a range of kinds, not one timetable")
    }

    @Test func generatedIDsStayClearOfTheCast() throws {
        let community = try Fixtures.lewisham()
        let cast = ScenarioCast.community
        let castIDs = Set(cast.members.map(\.id) + cast.activities.map(\.id))
        for member in community.members where !castIDs.contains(member.id) { #expect(member.id.hasPrefix("g-m-")) }
        for activity in community.activities where !castIDs.contains(activity.id) {
            #expect(activity.id.hasPrefix("g-a-") || activity.id.hasPrefix("oa-"))
        }
        for exchange in community.exchanges.dropFirst(cast.exchanges.count) {
            #expect(exchange.id?.hasPrefix("g-x-") == true)
        }
        #expect(community.members.filter { $0.id.hasPrefix("g-m-") }.count == LewishamCommunity.generatedMembers)
    }

    @Test func nearbySelectionIsDeterministicAndLocal() throws {
        let all = try RepositoryFiles.openActive()
        let chosen = LewishamCommunity.nearbySessions(all)
        #expect(chosen == LewishamCommunity.nearbySessions(all.reversed()))
        #expect(chosen.count == LewishamCommunity.openActiveLimit)
        #expect(
            !chosen.contains { $0.organisation == "Everyone Active" },
            "no Everyone Active centre with coordinates is that close")
        #expect(LewishamCommunity.nearbySessions([]) == [])
    }
}
