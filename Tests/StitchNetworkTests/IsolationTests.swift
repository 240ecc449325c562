import Foundation
import StitchModel
import StitchNetwork
import Testing

/// Members without recent ties, members tied to one group only, and who could bridge a community.
@Suite("Isolation and reach")
struct IsolationTests {
    /// Two triangles joined by a tie between "c" and "d", dated; "g" attended alone; "h" has nothing.
    static func community() throws -> Community {
        let today = try #require(CalendarDate(parsing: "2026-06-01"))
        let members = ["a", "b", "c", "d", "e", "f", "g", "h"].map { Member(id: $0) }
        func x(_ a: String, _ b: String, _ daysAgo: Int?) -> Exchange {
            Exchange(giver: a, receiver: b, hours: 1, date: daysAgo.map { today.adding(days: -$0) })
        }
        return Community(
            members: members, activities: [Activity(id: "walk", name: "Walk"), Activity(id: "quiz", name: "Quiz")],
            exchanges: [
                x("a", "b", 400), x("b", "c", 10), x("a", "c", 300), x("d", "e", 20), x("e", "f", 30),
                x("d", "f", nil), x("c", "d", 5),
            ],
            attendance: [
                Attendance(member: "a", activity: "walk", date: today.adding(days: -200)),
                Attendance(member: "b", activity: "walk", date: today.adding(days: -200)),
                Attendance(member: "g", activity: "quiz", date: today),
            ])
    }

    @Test func noRecentTiesCountsExchangesAndSharedActivitiesInTheWindow() throws {
        let community = try Self.community()
        let six = try CommunityNetwork(community: community).analysis().isolation
        // a: last tie 200 days ago (the walk with b); f: 20 days ago; g attended alone (no tie); h nothing.
        #expect(six.months == 6 && six.noRecentTies == ["a", "g", "h"])
        var options = NetworkOptions()
        options.isolationMonths = 12
        let twelve = try CommunityNetwork(community: community, options: options).analysis().isolation
        #expect(twelve.noRecentTies == ["g", "h"])
        options.isolationMonths = 1
        let one = try CommunityNetwork(community: community, options: options).analysis().isolation
        #expect(one.noRecentTies == ["a", "f", "g", "h"])
        // The graph keeps each member's latest tie: f's undated exchange counts as a year old.
        let graph = CommunityGraph(community: community)
        let today = try #require(CalendarDate(parsing: "2026-06-01")).dayNumber
        #expect(
            graph.latestTieDays.map { $0 == CommunityGraph.noTie ? nil : today - Int($0) } == [
                200, 10, 5, 5, 20, 30, nil, nil,
            ])
    }

    @Test func oneGroupOnlyAndWhoCouldBridge() throws {
        let analysis = try CommunityNetwork(community: try Self.community()).analysis()
        #expect(analysis.communities.map(\.members) == [["a", "b", "c"], ["d", "e", "f"]])
        #expect(analysis.isolated == ["g", "h"])
        #expect(analysis.isolation.oneGroupOnly == ["a", "b", "e", "f"])
        // A new tie from the far side of a triangle bridges more than one from "c" or "d", who
        // already tie the two together.
        #expect(analysis.communities[0].couldBridge.last == "c" && analysis.communities[0].couldBridge.count == 3)
        #expect(analysis.communities[1].couldBridge.last == "d")
    }
}
