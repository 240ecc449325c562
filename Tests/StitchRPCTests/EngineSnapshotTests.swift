@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC

/// Reads share one published engine until the community changes; a change withdraws it before
/// the engine is edited, and the next read sees the change.
@Suite("Engine snapshot for reads")
struct EngineSnapshotTests {
    @Test func readsShareOneSnapshotUntilTheCommunityChanges() async throws {
        // A long quiet period: no background rebuild replaces the engine during the test.
        let community = try Fixtures.lewisham
        let service = try StitchService(community: community, taxonomy: try Fixtures.taxonomy, quietPeriod: .seconds(3600))
        let first = await service.snapshot()
        #expect(first === (await service.snapshot()))
        let health = await service.health()
        #expect(first.health.members == health.members && first.health.activities == health.activities)
        #expect(first.health.referenceDate == health.referenceDate && first.health.rebuildPending == false)

        let near = try #require(community.members.first { $0.location != nil }?.location)
        _ = try await service.upsert(member: Member(id: "m-snapshot", offers: ["befriending"], location: near))
        #expect(service.published.withLock { $0 == nil }, "a write withdraws the published engine")
        let second = await service.snapshot()
        #expect(second !== first)
        #expect(second.engine.memberCount == first.engine.memberCount + 1)
        #expect(second.health.members == first.health.members + 1 && second.health.rebuildPending)
        // A read that began before the write keeps the engine it took.
        #expect(first.engine.memberCount == health.members)

        var weights = first.engine.configuration.weights(for: .broker)
        weights.skill += 0.05
        weights.locality -= 0.05
        _ = try await service.weights(MethodParams.Weights(profile: .broker, weights: weights), set: true)
        let third = await service.snapshot()
        #expect(third !== second)
        #expect(third.engine.configuration.weights(for: .broker) == weights)
    }
}
