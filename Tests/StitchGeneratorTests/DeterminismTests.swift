import Foundation
import StitchGenerator
import StitchModel
import Testing

@Suite("Seeded, reproducible generation")
struct DeterminismTests {
    @Test func xoshiroMatchesTheReferenceAlgorithm() {
        // Reference values: xoshiro256** seeded with four SplitMix64 outputs.
        var zero = Xoshiro256StarStar(seed: 0)
        #expect(
            [zero.next(), zero.next(), zero.next(), zero.next()]
                == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C])
        var demo = Xoshiro256StarStar(seed: 2026)
        #expect(
            [demo.next(), demo.next(), demo.next()] == [
                0x92E0_1159_2E98_AE15, 0x489F_3794_6D6D_18D8, 0xD000_9E27_9D9C_DEDA,
            ])
    }

    @Test func namedStreamsDiffer() {
        var a = Xoshiro256StarStar(seed: 1, stream: "members")
        var b = Xoshiro256StarStar(seed: 1, stream: "exchanges")
        #expect(a.next() != b.next())
    }

    @Test func sameSeedGivesIdenticalBytes() throws {
        let taxonomy = try Fixtures.taxonomy()
        let configuration = GeneratorConfiguration(members: 300, seed: 99)
        let first = try RepositoryFiles.encoded(
            CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate())
        let second = try RepositoryFiles.encoded(
            CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate())
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentCommunities() throws {
        let taxonomy = try Fixtures.taxonomy()
        let a = CommunityGenerator(configuration: .init(members: 300, seed: 1), taxonomy: taxonomy).generate()
        let b = CommunityGenerator(configuration: .init(members: 300, seed: 2), taxonomy: taxonomy).generate()
        #expect(try RepositoryFiles.encoded(a) != RepositoryFiles.encoded(b))
        #expect(a.members.map(\.offers) != b.members.map(\.offers))
        #expect(a.members.map(\.id) == b.members.map(\.id), "ids depend on the size only")
    }

    @Test func moreExchangesLeaveMembersAndActivitiesUnchanged() throws {
        let taxonomy = try Fixtures.taxonomy()
        let few = CommunityGenerator(configuration: .init(members: 300, exchanges: 500, seed: 5), taxonomy: taxonomy)
            .generate()
        let many = CommunityGenerator(configuration: .init(members: 300, exchanges: 3_000, seed: 5), taxonomy: taxonomy)
            .generate()
        #expect(few.members == many.members)
        #expect(few.activities == many.activities)
        #expect(few.exchanges.count == 500 && many.exchanges.count == 3_000)
    }

    @Test func lewishamDemoIsReproducible() throws {
        let taxonomy = try Fixtures.taxonomy()
        let sessions = try RepositoryFiles.openActive()
        let again = LewishamCommunity.make(taxonomy: taxonomy, openActive: sessions.reversed())
        #expect(try RepositoryFiles.encoded(Fixtures.lewisham()) == RepositoryFiles.encoded(again))
    }
}
