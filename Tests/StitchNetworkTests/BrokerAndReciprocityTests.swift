import Foundation
import StitchModel
import StitchNetwork
import Testing

@Suite("Brokers and the reciprocity index")
struct BrokerAndReciprocityTests {
    @Test func participationCoefficientOfTwoLinkedTriangles() throws {
        let g = CommunityGraph(
            nodeCount: 6,
            edges: EdgeList([(0, 1, 1), (1, 2, 1), (0, 2, 1), (3, 4, 1), (4, 5, 1), (3, 5, 1), (2, 3, 1)]))
        let options = NetworkOptions()
        let network = try CommunityNetwork(graph: g, options: options)
        #expect(Set(network.communities.members.map(Set.init)) == [[0, 1, 2], [3, 4, 5]])
        let p = network.brokers.participation
        #expect(abs(p[2] - 4.0 / 9) < 1e-12 && abs(p[3] - 4.0 / 9) < 1e-12 && p[0] == 0 && p[5] == 0)
        #expect(network.brokers.ranked.map(\.id) == ["2", "3"])
        // 2 lies on the 6 shortest paths of the 10 pairs of others that cross between the triangles.
        let two = network.brokers.ranked[0]
        #expect(abs(two.betweenness - 0.6) < 1e-12 && two.score == two.betweenness)
        #expect(abs(two.constraint - 11.0 / 18) < 1e-12 && abs(two.effectiveSize - 7.0 / 3) < 1e-12)
        #expect(two.ties == 3 && two.tiesAcross == 1 && two.communitiesReached == 2)
        #expect(
            two.reason == "links 2 groups; 1 of their 3 ties reaches other groups; lowest constraint in the "
                + "community; on 60% of the shortest paths between other members")
        var strict = options
        strict.brokers.minimumTies = 4
        #expect(try CommunityNetwork(graph: g, options: strict).brokers.ranked.isEmpty)
    }

    @Test func reciprocityCountsMembersActiveInTheLastYear() throws {
        let today = try #require(CalendarDate(parsing: "2026-06-01"))
        let old = today.adding(days: -400)
        let community = Community(
            members: ["a", "b", "c", "d", "e", "f"].map { Member(id: $0) },
            exchanges: [
                Exchange(giver: "a", receiver: "b", hours: 1, date: today),
                Exchange(giver: "b", receiver: "a", hours: 1, date: today.adding(days: -364)),
                Exchange(giver: "c", receiver: "d", hours: 1, date: today.adding(days: -10)),
                Exchange(giver: "d", receiver: "e", hours: 1, date: old),
                Exchange(giver: "e", receiver: "c", hours: 1),
                Exchange(giver: "f", receiver: "a", hours: 1, date: today.adding(days: 5)),
            ])
        // Active: a, b (both), c (gave), d (received): 2 of 4.
        #expect(ReciprocityIndex.value(of: community, referenceDate: today) == 0.5)
        #expect(ReciprocityIndex.value(of: Community()) == 0)
    }
}
