import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchApplication

/// The write path: validated, applied, then stored; refused writes and failed stores change nothing.
@Suite struct WritePathTests {
    /// A store that records what it was asked to commit, and can be told to refuse.
    final class RecordingStore: CommunityPersistence, @unchecked Sendable {
        struct Refused: Error {}
        private let lock = NSLock()
        private var committed: Community
        private var refuse = false
        private(set) var writes = 0

        init(_ community: Community) { committed = community }
        func refuseWrites(_ on: Bool) { lock.withLock { refuse = on } }
        private func commit(_ change: (inout Community) -> Void) throws {
            try lock.withLock {
                if refuse { throw Refused() }
                change(&committed)
                writes += 1
            }
        }
        func loadCommunity() throws -> Community { lock.withLock { committed } }
        func replaceAll(_ community: Community) throws { try commit { $0 = community } }
        func upsert(member: Member) throws {
            try commit { c in
                if let i = c.members.firstIndex(where: { $0.id == member.id }) { c.members[i] = member } else { c.members.append(member) }
            }
        }
        func remove(memberID: String) throws { try commit { $0.members.removeAll { $0.id == memberID } } }
        func upsert(activity: Activity) throws {
            try commit { c in
                if let i = c.activities.firstIndex(where: { $0.id == activity.id }) { c.activities[i] = activity } else { c.activities.append(activity) }
            }
        }
        func remove(activityID: String) throws { try commit { $0.activities.removeAll { $0.id == activityID } } }
        func record(exchange: Exchange) throws { try commit { $0.exchanges.append(exchange) } }
        func record(attendance: Attendance) throws { try commit { $0.attendance.append(attendance) } }
        func setWeights(profile: ScoringProfile, weights: FactorWeights) throws { try commit { _ in } }
        func record(outcome: Outcome) throws { try commit { _ in } }
    }

    @Test func aCommunityWithSeveralProblemsReportsEveryOne() async throws {
        let service = try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy)
        var bad = ScenarioCast.community
        bad.members[0].avoid = ["m-nobody"]
        bad.exchanges.append(Exchange(giver: "m-ghost", receiver: bad.members[1].id, hours: 1))
        do throws(ServiceError) {
            _ = try await service.load(MethodParams.Load(community: bad))
            Issue.record("a community with problems was loaded")
        } catch {
            #expect(error.code == -32602)
            let errors = try #require(error.data?.errors)
            #expect(errors.count >= 2)
            #expect(errors.allSatisfy { $0.field.hasPrefix("params.community.") })
            #expect(errors.first?.field == error.data?.field)
        }
        #expect(await service.community == ScenarioCast.community)
    }

    @Test func aRefusedWriteIsNeitherAppliedNorStored() async throws {
        let store = RecordingStore(ScenarioCast.community)
        let service = try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy, persistence: store)
        let member = Member(id: "m-new", avoid: ["m-nobody"])
        await #expect(throws: ServiceError.self) { try await service.upsert(member: member) }
        #expect(store.writes == 0)
        #expect(await !service.currentEngine.contains(member: "m-new"))
    }

    @Test func aWriteTheStoreRefusesIsUndoneAndTheNextOneGoesThrough() async throws {
        let store = RecordingStore(ScenarioCast.community)
        let service = try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy, persistence: store)
        let giver = ScenarioCast.community.members[0].id, receiver = ScenarioCast.community.members[1].id
        let balance = await service.currentEngine.balance(of: giver)
        store.refuseWrites(true)
        do throws(ServiceError) {
            _ = try await service.record(exchange: Exchange(id: "x-refused", giver: giver, receiver: receiver, hours: 3))
            Issue.record("a write the store refused was acknowledged")
        } catch {
            #expect(error.code == -32603)
        }
        #expect(await service.currentEngine.balance(of: giver) == balance, "the exchange applied in memory was undone")
        store.refuseWrites(false)
        // The same exchange id is free again: the refused write left nothing behind.
        let answer = try await service.record(exchange: Exchange(id: "x-refused", giver: giver, receiver: receiver, hours: 3))
        #expect(answer.giver.balance == (balance ?? 0) + 3)
        #expect(store.writes == 1)
        #expect(await service.community == (try store.loadCommunity()))
    }
}
