import Foundation
import StitchModel
import StitchNetwork
import StitchTestSupport
import Testing

@Suite("The network analysis of the bundled community")
struct NetworkAnalysisTests {
    @Test func everyMemberIsInOneCommunityOrIsolated() throws {
        let community = try Fixtures.lewisham
        let analysis = try CommunityNetwork(community: community).analysis()
        let listed = analysis.communities.flatMap(\.members) + analysis.isolated
        #expect(listed.count == community.members.count && Set(listed) == Set(community.members.map(\.id)))
        #expect(analysis.isolated.contains("m-jade"))
        #expect(analysis.communities.count >= 2 && analysis.modularity > 0.3 && analysis.resolution == 1)
        #expect(analysis.betweenness.exact && analysis.betweenness.errorBound == 0)
        #expect((0...1).contains(analysis.reciprocityIndex) && analysis.reciprocityIndex > 0)
        for (i, c) in analysis.communities.enumerated() {
            #expect(c.id == i && c.size == c.members.count && c.description.hasPrefix("\(c.size) members"))
            #expect(c.members == c.members.sorted())
        }
        #expect(zip(analysis.communities, analysis.communities.dropFirst()).allSatisfy { $0.size >= $1.size })
        #expect(analysis.communities.contains { $0.area == "around Catford" })
        #expect(!analysis.bridging.isEmpty)
        #expect(zip(analysis.bridging, analysis.bridging.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(analysis.bridging.allSatisfy { $0.communitiesReached >= 2 && $0.reason.hasPrefix("links ") })
        #expect(analysis.isolation.months == 6 && Set(analysis.isolated).isSubset(of: analysis.isolation.noRecentTies))
    }

    @Test func theAnswerIsTheProtocolShapeAndTheSameEveryTime() throws {
        let community = try Fixtures.lewisham
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try encoder.encode(try CommunityNetwork(community: community).analysis())
        let second = try encoder.encode(try CommunityNetwork(community: community).analysis())
        #expect(first == second)
        let raw = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
        #expect(
            Set(raw.keys) == [
                "communities", "modularity", "resolution", "bridging", "betweenness", "isolated", "isolation",
                "reciprocityIndex",
            ])
        let communities = try #require(raw["communities"] as? [[String: Any]])
        #expect(
            Set(communities[0].keys).isSuperset(of: [
                "id", "members", "size", "description", "groups", "skills", "couldBridge",
            ]))
        let broker = try #require((raw["bridging"] as? [[String: Any]])?.first)
        #expect(
            Set(broker.keys) == [
                "id", "score", "community", "ties", "tiesAcross", "communitiesReached", "betweenness", "constraint",
                "effectiveSize", "participation", "reason",
            ])
        let decoded = try JSONDecoder().decode(NetworkAnalysis.self, from: first)
        #expect(decoded == (try CommunityNetwork(community: community).analysis()))
    }

    @Test func profilesDescribeGroupsSkillsAndArea() {
        let place = Location(lat: 51.445, lon: -0.02)
        let members = [
            Member(id: "a", offers: ["gardening"], interests: ["baking"], location: place, groups: ["gp-rushey-green"]),
            Member(id: "b", offers: ["gardening"], location: place, groups: ["gp-rushey-green", "church"]),
            Member(id: "c", interests: ["baking", "gardening"], groups: ["gp-rushey-green"]),
        ]
        let profile = CommunityProfile(members: members)
        #expect(profile.groups == ["gp-rushey-green", "church"] && profile.skills == ["gardening", "baking"])
        #expect(profile.area == "around Catford")
        #expect(
            profile.description
                == "3 members around Catford, mostly gp-rushey-green (100%) and church (33%); "
                + "shared skills: gardening, baking"
        )
        let far = CommunityProfile(members: [Member(id: "x", location: Location(lat: 53.48, lon: -2.24))])
        #expect(far.area == "around 53.480, -2.240")
    }

    @Test func theDiagramIsDOTWithIdsNotNames() throws {
        let network = try CommunityNetwork(community: try Fixtures.lewisham)
        let dot = NetworkDiagram(network: network).dot()
        #expect(dot.hasPrefix("graph stitch {") && dot.hasSuffix("}\n"))
        #expect(dot.contains("\"m-vera\" -- \"m-edith\"") || dot.contains("\"m-edith\" -- \"m-vera\""))
        #expect(!dot.contains("Vera"), "names are never drawn")
        let small = NetworkDiagram(network: network, options: .init(maximumNodes: 50)).dot()
        #expect(small.contains("showing the 50 most connected members"))
    }
}
