@testable import StitchApplication
import Foundation
import GRDB
import StitchEngine
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC
@testable import StitchStore

@Suite("Outcomes are stored, survive restarts and leave with what they name")
struct OutcomeStoreTests {
    static let outcomes = [
        Outcome(subject: "m-maud", candidate: "a-knit-natter", accepted: true, completed: true, wellbeingBefore: 0.4, wellbeingAfter: 0.6),
        Outcome(subject: "m-arthur", candidate: "m-june", accepted: true),
        Outcome(subject: "m-maud", candidate: "a-allotment", accepted: false, wellbeingBefore: 31),
    ]

    @Test func outcomesSurviveReopeningTheDatabase() throws {
        let file = try TemporaryStore()
        do {
            let store = try file.open()
            try store.replaceAll(try Fixtures.lewisham)
            for outcome in Self.outcomes { try store.record(outcome: outcome) }
        }
        let reopened = try file.open()
        #expect(try reopened.loadOutcomes() == Self.outcomes, "every field, in the order recorded")
        #expect(try reopened.load() == (try Fixtures.lewisham))
        #expect(reopened.integrityCheck())
    }

    @Test func removalsAndANewCommunityDropTheOutcomesThatNoLongerResolve() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.replaceAll(try Fixtures.lewisham)
        for outcome in Self.outcomes { try store.record(outcome: outcome) }
        try store.remove(activityID: "a-allotment")
        #expect(try store.loadOutcomes() == Array(Self.outcomes.prefix(2)))
        try store.remove(memberID: "m-june")
        #expect(try store.loadOutcomes() == [Self.outcomes[0]])
        var next = try Fixtures.lewisham
        try store.replaceAll(next)
        #expect(try store.loadOutcomes() == [Self.outcomes[0]], "a new community keeps the outcomes it resolves")
        next.members.removeAll { $0.id == "m-maud" }
        next.exchanges.removeAll { $0.giver == "m-maud" || $0.receiver == "m-maud" }
        next.attendance.removeAll { $0.member == "m-maud" }
        for i in next.members.indices { next.members[i].avoid.removeAll { $0 == "m-maud" } }
        try store.replaceAll(next)
        #expect(try store.loadOutcomes().isEmpty)
        #expect(store.integrityCheck())
        // The subject is a stored member: the store refuses any other.
        #expect(throws: StoreError.self) {
            try store.record(outcome: Outcome(subject: "m-nobody", candidate: "a-knit-natter", accepted: true))
        }
    }

    /// A database written before outcomes existed (schema 1) is migrated in place, its data kept.
    @Test func aVersionOneDatabaseGainsTheOutcomesTable() throws {
        let file = try TemporaryStore()
        do {
            let queue = try DatabaseQueue(path: file.path)
            try StoreSchema.migrator.migrate(queue, upTo: "v1: members, activities, exchanges, attendance, weights, meta")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO members (id, position, record) VALUES ('m-old', 0, '{\"id\":\"m-old\"}')")
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('community', 'stored')")
            }
            #expect(try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 1)
            try queue.close()
        }
        let store = try file.open()
        #expect(try store.load() == Community(members: [Member(id: "m-old")]))
        #expect(try store.loadOutcomes().isEmpty)
        try store.record(outcome: Outcome(subject: "m-old", candidate: "m-old-friend", accepted: false))
        let (version, schema) = try store.pool.read { db in
            (
                try Int.fetchOne(db, sql: "PRAGMA user_version"),
                try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schemaVersion'")
            )
        }
        #expect(version == 5 && schema == "5" && StoreSchema.currentVersion == 5)
        #expect(try store.loadOutcomes().count == 1)
    }

    /// Recorded over JSON-RPC, calibrated, restarted: the outcomes and the calibrated weights
    /// come back, and a calibration after the restart answers as one before it would have.
    @Test func aRestartedDaemonKeepsItsOutcomesAndCalibratedWeights() async throws {
        let file = try TemporaryStore()
        let expected: WeightCalibration.Fit
        let recorded: [Outcome]
        let weightsBefore: String
        do {
            let daemon = try DaemonHarness(path: file.path)
            let community = try Fixtures.lewisham
            let engine = await daemon.service.currentEngine
            var i = 0
            for member in community.members.prefix(8) {
                for activity in community.activities.prefix(4) {
                    let skill = try engine.explain(ExplainQuery(subject: .id(member.id), candidate: activity.id)).factors.skill
                    let params =
                        #"{"subject":"\#(member.id)","candidate":"\#(activity.id)","accepted":\#(skill > 0.4),"completed":\#(skill > 0.4 && i % 3 == 0),"wellbeingBefore":\#(i),"wellbeingAfter":\#(i + 2)}"#
                    #expect(DaemonHarness.errorCode(try await daemon.call("outcome.record", params, id: i)) == nil)
                    i += 1
                }
            }
            let calibrated = try await daemon.call("weights.calibrate", #"{"profile":"referral"}"#)
            #expect((calibrated["result"] as? [String: Any])?["outcomes"] as? Int == 32, "\(calibrated)")
            recorded = await daemon.service.outcomes
            expected = try await daemon.service.currentEngine.calibrateWeights(from: recorded, profile: .referral)
            weightsBefore = try await daemon.sendCanonical(#"{"jsonrpc":"2.0","id":1,"method":"weights.get","params":{"profile":"referral"}}"#)
        }
        let restarted = try DaemonHarness(path: file.path, initial: Community())
        #expect(await restarted.service.outcomes == recorded)
        #expect(recorded.count == 32)
        #expect(
            try await restarted.sendCanonical(#"{"jsonrpc":"2.0","id":1,"method":"weights.get","params":{"profile":"referral"}}"#)
                == weightsBefore)
        let again = try await restarted.call("weights.calibrate", #"{"profile":"referral"}"#)
        let weights = try #require((again["result"] as? [String: Any])?["weights"] as? [String: Double])
        for f in Factor.allCases { #expect(abs(weights[f.rawValue, default: -1] - expected.weights[f]) < 1e-12) }
        #expect(restarted.store.integrityCheck())
    }

    @Test func aRefusedOrUnstorableOutcomeChangesNothing() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path)
        let before = try file.snapshot()
        for (params, code) in [
            (#"{"subject":"m-nobody","candidate":"a-knit-natter","accepted":true}"#, -32001),
            (#"{"subject":"m-maud","candidate":"a-knit-natter","accepted":false,"completed":true}"#, -32602),
            (#"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"wellbeingAfter":"better"}"#, -32602),
        ] {
            #expect(DaemonHarness.errorCode(try await daemon.call("outcome.record", params)) == code, "\(params)")
        }
        #expect(DaemonHarness.errorCode(try await daemon.call("weights.calibrate", #"{"profile":"referral"}"#)) == -32602)
        #expect(try file.snapshot() == before, "the database and its WAL are unchanged")
        #expect(await daemon.service.outcomes.isEmpty)

        let failing = try StitchService(
            community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy, persistence: FailingStore(stored: try Fixtures.lewisham))
        let dispatcher = RPCDispatcher(service: failing)
        let line =
            #"{"jsonrpc":"2.0","id":1,"method":"outcome.record","params":{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"wellbeingBefore":12.5}}"#
        let response = String(decoding: try #require(await dispatcher.handle(line: Data(line.utf8))), as: UTF8.self)
        #expect(response.contains("-32603") && !response.contains("m-maud") && !response.contains("12.5"))
        #expect(await failing.outcomes.isEmpty, "not acknowledged, not kept")
    }
}
