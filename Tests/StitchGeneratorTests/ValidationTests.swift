import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("Generated communities respect the model")
struct ValidationTests {
    @Test(arguments: [(300, UInt64(1)), (2_000, UInt64(7)), (20_000, UInt64(2026))])
    func validatesWithoutErrors(members: Int, seed: UInt64) throws {
        let community = CommunityGenerator(
            configuration: .init(members: members, seed: seed), taxonomy: try Fixtures.taxonomy()
        )
        .generate()
        #expect(community.validationErrors() == [])
        #expect(community.members.count == members)
        #expect(community.activities.count == max(12, members / 8))
        #expect(community.exchanges.count == 6 * members)
        #expect(!community.attendance.isEmpty)
    }

    @Test func roundTripsThroughTheWireFormat() throws {
        let community = CommunityGenerator(
            configuration: .init(members: 300, seed: 3), taxonomy: try Fixtures.taxonomy()
        ).generate()
        let decoded = try JSONDecoder().decode(Community.self, from: RepositoryFiles.encoded(community))
        #expect(decoded == community)
    }

    @Test func idsArePrefixedAndPadded() throws {
        let community = try Fixtures.medium()
        #expect(community.members.first?.id == "g-m-0001" && community.members.last?.id == "g-m-2000")
        #expect(community.activities.first?.id == "g-a-001" && community.activities.last?.id == "g-a-250")
        #expect(community.exchanges.first?.id == "g-x-00001" && community.exchanges.last?.id == "g-x-12000")
        let custom = CommunityGenerator(
            configuration: .init(members: 20, idPrefix: "t-"), taxonomy: try Fixtures.taxonomy()
        ).generate()
        #expect(custom.members.allSatisfy { $0.id.hasPrefix("t-m-") })
    }

    @Test func everySkillAndTopicIsATaxonomyID() throws {
        let ids = try Fixtures.taxonomyIDs()
        let community = try Fixtures.medium()
        let terms =
            community.members.flatMap { $0.offers + $0.interests + $0.needs } + community.activities.flatMap(\.topics)
            + community.exchanges.compactMap(\.skill)
        #expect(Set(terms).subtracting(ids).isEmpty, "\(Set(terms).subtracting(ids).sorted())")
        let experiences = Set(try Fixtures.taxonomy().skills.compactMap(\.experience))
        #expect(Set(community.members.flatMap(\.experiences)).isSubset(of: experiences))
    }

    @Test func worksWithAnEmptyTaxonomy() {
        let community = CommunityGenerator(configuration: .init(members: 200), taxonomy: SkillTaxonomy(skills: []))
            .generate()
        #expect(community.validationErrors() == [])
        #expect(community.members.allSatisfy { !$0.offers.isEmpty })
    }

    @Test func emptyAndTinyCommunities() throws {
        let taxonomy = try Fixtures.taxonomy()
        let empty = CommunityGenerator(configuration: .init(members: 0, activities: 0), taxonomy: taxonomy).generate()
        #expect(empty == Community())
        let tiny = CommunityGenerator(configuration: .init(members: 3), taxonomy: taxonomy).generate()
        #expect(tiny.validationErrors() == [])
    }
}
