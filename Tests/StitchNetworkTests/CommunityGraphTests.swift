import Foundation
import StitchModel
import StitchNetwork
import StitchTestSupport
import Testing

@Suite("Building the community graph")
struct CommunityGraphTests {
    @Test func pairsAreSummedSortedAndCleaned() {
        let edges = EdgeList([(2, 0, 1), (0, 2, 0.5), (1, 1, 3), (0, 1, -1), (0, 3, .nan), (3, 1, 2), (1, 3, 0.25)])
        let g = CommunityGraph(nodeCount: 5, edges: edges)
        #expect(Array(g.neighbours(of: 0)) == [2])
        #expect(Array(g.neighbours(of: 1)) == [3])
        #expect(Array(g.neighbours(of: 3)) == [1])
        #expect(g.weight(between: 0, and: 2) == 1.5 && g.weight(between: 2, and: 0) == 1.5)
        #expect(g.weight(between: 1, and: 3) == 2.25)
        #expect(g.weight(between: 0, and: 1) == 0)
        #expect(g.strength(of: 3) == 2.25 && g.tieCount(of: 4) == 0)
        #expect(g.tieCount == 2 && g.isolatedNodes == [4])
        #expect(g.memberIDs == ["0", "1", "2", "3", "4"] && g.index(of: "3") == 3)
    }

    @Test func rowsAreSortedOnARandomMultigraph() {
        var rng = SplitMix64(seed: 4)
        var triples: [(Int, Int, Double)] = []
        for _ in 0..<5_000 {
            triples.append((Int.random(in: 0..<300, using: &rng), Int.random(in: 0..<300, using: &rng), 1))
        }
        let g = CommunityGraph(nodeCount: 300, edges: EdgeList(triples))
        var expected: [Int: Double] = [:]
        for (a, b, w) in triples where a != b { expected[min(a, b) * 1000 + max(a, b), default: 0] += w }
        #expect(g.tieCount == expected.count)
        for i in 0..<300 {
            let row = Array(g.neighbours(of: i))
            #expect(row == row.sorted() && Set(row).count == row.count)
            for (j, w) in zip(row, g.tieWeights(of: i)) {
                #expect(expected[min(i, Int(j)) * 1000 + max(i, Int(j))] == w)
            }
        }
    }

    @Test func exchangesFadeOverAYearAndActivitiesTieTheirAttendees() throws {
        let today = try #require(CalendarDate(parsing: "2026-06-01"))
        let members = (0..<70).map { Member(id: "m-\($0)") }
        var community = Community(
            members: members,
            activities: [
                Activity(id: "a-small", name: "Small"), Activity(id: "a-big", name: "Big"),
            ])
        community.exchanges = [
            Exchange(giver: "m-0", receiver: "m-1", hours: 2, date: today),
            Exchange(giver: "m-1", receiver: "m-0", hours: 1, date: today.adding(days: -365)),
            Exchange(giver: "m-2", receiver: "m-3", hours: 0, date: today),
            Exchange(giver: "m-2", receiver: "m-nobody", hours: 1, date: today),
        ]
        // a-small: m-10, m-11, m-12 (m-10 twice); a-big: 61 attendees, no pairwise ties.
        community.attendance =
            ["m-10", "m-11", "m-12", "m-10"].map { Attendance(member: $0, activity: "a-small") }
            + (5..<66).map { Attendance(member: "m-\($0)", activity: "a-big") }
            + [Attendance(member: "m-13", activity: "a-unknown")]
        let g = CommunityGraph(community: community, referenceDate: today)
        #expect(abs(g.weight(between: 0, and: 1) - (2 + exp(-1))) < 1e-12)
        #expect(g.weight(between: 2, and: 3) == 0.25, "a zero-hour exchange still ties, as a quarter hour")
        #expect(g.weight(between: 10, and: 11) == 0.5 && g.weight(between: 11, and: 12) == 0.5)
        #expect(g.tieCount(of: 20) == 0, "activities of more than 60 attendees add no ties")
        #expect(g.tieCount == 5)
        #expect(g.index(of: "m-12") == 12 && g.referenceDate == today)
    }

    @Test func theReferenceDateIsTheLatestDateByDefault() throws {
        let community = Community(
            members: [Member(id: "a"), Member(id: "b")],
            exchanges: [Exchange(giver: "a", receiver: "b", hours: 1, date: CalendarDate(parsing: "2026-01-01"))],
            attendance: [Attendance(member: "a", activity: "x", date: CalendarDate(parsing: "2026-03-01"))])
        #expect(CommunityGraph.latestDate(in: community) == CalendarDate(parsing: "2026-03-01"))
        let g = CommunityGraph(community: community)
        #expect(abs(g.weight(between: 0, and: 1) - exp(-59.0 / 365)) < 1e-12)
        #expect(CommunityGraph(community: Community()).nodeCount == 0)
    }

    @Test func componentsGroupNodes() {
        let g = CommunityGraph(nodeCount: 7, edges: EdgeList([(0, 3, 1), (3, 5, 1), (1, 2, 1)]))
        let parts = GraphComponents(g)
        #expect(parts.count == 4)
        #expect(Array(parts.nodes(in: 0)) == [0, 3, 5] && Array(parts.nodes(in: 1)) == [1, 2])
        #expect(Array(parts.nodes(in: 2)) == [4] && Array(parts.nodes(in: 3)) == [6])
        #expect(parts.label[5] == 0 && parts.localIndex[5] == 2)
    }
}
