import Foundation
import StitchModel
import StitchNetwork
import Testing

@Suite("The overview and community pictures")
struct NetworkPicturesTests {
    /// Two circles of six (gp-a and gp-b, everyone exchanging with everyone), joined by a1's ties
    /// to b1 and b2; a triangle apart from everyone; z in gp-a with no ties at all.
    static let community: Community = {
        var members: [Member] = []
        var exchanges: [Exchange] = []
        for side in ["a", "b"] {
            for i in 1...6 {
                var member = Member(id: "\(side)\(i)", name: "Person \(side.uppercased())\(i)")
                member.groups = ["gp-\(side)"]
                members.append(member)
                for j in 1..<i { exchanges.append(Exchange(giver: "\(side)\(i)", receiver: "\(side)\(j)", hours: 2)) }
            }
        }
        exchanges += [Exchange(giver: "a1", receiver: "b1", hours: 1), Exchange(giver: "b2", receiver: "a1", hours: 1)]
        for i in 1...3 {
            members.append(Member(id: "c\(i)", name: "Person C\(i)"))
            for j in 1..<i { exchanges.append(Exchange(giver: "c\(i)", receiver: "c\(j)", hours: 1)) }
        }
        var alone = Member(id: "z", name: "Zed Alone")
        alone.groups = ["gp-a"]
        members.append(alone)
        return Community(members: members, exchanges: exchanges)
    }()

    static func network() throws -> CommunityNetwork { try CommunityNetwork(community: Self.community) }

    @Test func theOverviewDrawsCommunitiesTheLinkItsBrokerCirclesAndTheIsolated() throws {
        let network = try Self.network()
        #expect(network.communities.members.map { $0.map { network.graph.memberIDs[$0] }.first } == ["a1", "b1", "c1"])
        let dot = NetworkOverview(network: network, members: Self.community.members).dot()
        #expect(dot.hasPrefix("graph overview {") && dot.hasSuffix("}\n"))
        #expect(dot.contains("layout=neato"))
        #expect(dot.contains("c0 [label=\"#0\\ngp-a\\n6 members\""), "\(dot)")
        #expect(dot.contains("c1 [label=\"#1\\ngp-b\\n6 members\""))
        #expect(!dot.contains("c2 ["), "the small circle is summarised, not drawn as a community")
        #expect(dot.contains("1 small circle apart from everyone\\n(3 members, no tie to anyone else)"))
        #expect(dot.contains("1 member with no ties yet"))
        let link = try #require(dot.split(separator: "\n").first { $0.contains("c0 -- c1") })
        #expect(link.contains("label=\"2 ties\\nvia a1"), "\(link)")
        #expect(link.contains("tooltip=\"2 ties; brokers: a1"))
        #expect(dot.contains("Stitch: the communities and who links them"))
        #expect(dot.contains("16 members, 35 ties; 2 communities"))
        #expect(!dot.contains("others"), "nothing is capped at this size")
    }

    @Test func theDrillDownDrawsMembersTiesOutBrokersAndTheMargin() throws {
        let network = try Self.network()
        let picture = try #require(CommunityPicture(network: network, community: 0, members: Self.community.members))
        let dot = picture.dot()
        let graph = network.graph
        let node = { (id: String) in "m\(graph.index(of: id)!)" }
        #expect(dot.hasPrefix("graph community_0 {") && dot.contains("layout=fdp"))
        for i in 1...6 { #expect(dot.contains("  \(node("a\(i)")) [label=\"a\(i)\"")) }
        #expect(!dot.contains("label=\"b3\""), "members of other communities are not drawn")
        let inside = dot.split(separator: "\n").filter { $0.contains(" -- m") }
        #expect(inside.count == 15, "every tie inside the circle of six")
        let broker = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  \(node("a1")) [") })
        #expect(broker.contains("penwidth=3") && broker.contains("color=\"black\""))
        #expect(dot.contains("n1 [shape=box") && dot.contains("2 ties with this one"))
        #expect(dot.contains("  \(node("a1")) -- n1 [") && dot.contains("label=\"2\""))
        #expect(dot.contains("subgraph cluster_margin") && dot.contains("label=\"z\""), "z shares gp-a")
        #expect(dot.contains("Community 0: 6 members, mostly gp-a (100%)"))
        #expect(!dot.contains("not drawn"))
        #expect(CommunityPicture(network: network, community: 3) == nil)
    }

    @Test func namesAppearOnlyWhenAskedFor() throws {
        let network = try Self.network()
        let members = Self.community.members
        let pictures = [
            NetworkOverview(network: network, members: members).dot(),
            try #require(CommunityPicture(network: network, community: 0, members: members)).dot(),
            try #require(CommunityPicture(network: network, community: 1, members: members)).dot(),
        ]
        for dot in pictures { #expect(!dot.contains("Person") && !dot.contains("Zed"), "\(dot)") }
        let overview = NetworkOverview(network: network, members: members, options: .init(names: true)).dot()
        #expect(overview.contains("via Person A1 (a1)"))
        let named = try #require(
            CommunityPicture(network: network, community: 0, members: members, options: .init(names: true))
        ).dot()
        #expect(named.contains("label=\"Person A1 (a1)\"") && named.contains("label=\"Zed Alone (z)\""))
    }

    @Test func capsHoldOnALargeNetworkAndThePictureSaysSo() throws {
        let model = LargeBlockModel.make(blocks: 60, size: 30, meanInside: 8, meanAcross: 1.5, seed: 11)
        let network = try CommunityNetwork(graph: model.graph)
        let found = network.communities.members.count
        #expect(found > 12)
        let overview = NetworkOverview(network: network, options: .init(maximumCommunities: 12, maximumLinks: 20)).dot()
        let lines = overview.split(separator: "\n")
        #expect(lines.filter { $0.range(of: #"^  c\d+ \["#, options: .regularExpression) != nil }.count == 12)
        #expect(lines.contains { $0.hasPrefix("  others [") })
        #expect(overview.contains("Showing the 12 largest of \(found) communities"))
        #expect(overview.contains("\"others\" holds the remaining \(found - 12)"))
        let links = lines.filter { $0.contains(" -- ") }
        #expect(links.count >= 20 && links.count <= 20 + 13 * 3)
        #expect(overview.contains("Showing \(links.count) of"))

        // Communities under 5% of the members join "others" however many could be drawn.
        let share = NetworkOverview(network: network, options: .init(maximumCommunities: 100, minimumShare: 0.05)).dot()
        let big = network.communities.members.filter { Double($0.count) >= 0.05 * 1_800 }.count
        let drawnAlone = share.split(separator: "\n").filter {
            $0.range(of: #"^  c\d+ \["#, options: .regularExpression) != nil
        }
        #expect(drawnAlone.count == max(1, big) && share.contains("  others ["))
        #expect(share.contains("Showing the \(max(1, big)) largest of \(found) communities"))

        let size = network.communities.members[0].count
        let picture = try #require(
            CommunityPicture(network: network, community: 0, options: .init(maximumMembers: 10, maximumNeighbours: 3))
        ).dot()
        let pictureLines = picture.split(separator: "\n")
        #expect(pictureLines.filter { $0.range(of: #"^  m\d+ \["#, options: .regularExpression) != nil }.count == 10)
        #expect(picture.contains("Showing 10 of \(size) members"))
        #expect(picture.contains("\(size - 10) not drawn"))
        #expect(pictureLines.filter { $0.range(of: #"^  n\d+ \["#, options: .regularExpression) != nil }.count <= 3)
    }
}
