@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

@testable import StitchRPC

@Suite("Every write is stored, and only a sound one")
struct StoreWriteTests {
    /// Each write through the daemon, then: the store holds exactly the service's community.
    @Test func everyWriteMethodIsStored() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path)
        let writes: [(method: String, params: String)] = [
            ("member.upsert", #"{"member":{"id":"m-new","name":"Newcomer","offers":["gardening"],"avoid":["m-sam"]}}"#),
            ("member.upsert", #"{"member":{"id":"m-june","name":"June","offers":["befriending"],"travelKm":5}}"#),
            (
                "activity.upsert",
                #"{"activity":{"id":"a-new","name":"Repair Cafe","topics":["diy"],"capacity":10,"enrolled":2}}"#
            ),
            ("activity.upsert", #"{"activity":{"id":"a-poetry-afternoon","name":"Poetry Afternoon","online":true}}"#),
            (
                "exchange.record",
                #"{"exchange":{"id":"x-new","giver":"m-new","receiver":"m-arthur","hours":1.5,"skill":"gardening","date":"2026-10-01"}}"#
            ),
            ("exchange.record", #"{"exchange":{"giver":"m-june","receiver":"m-new","hours":2}}"#),
            ("attendance.record", #"{"attendance":{"member":"m-new","activity":"a-new","date":"2026-10-02"}}"#),
            ("attendance.record", #"{"attendance":{"member":"m-maud","activity":"a-new"}}"#),
            ("member.remove", #"{"id":"m-sam"}"#),  // m-arthur and m-new avoid m-sam: both lists lose the id
            ("activity.remove", #"{"id":"a-allotment"}"#),
            ("member.remove", #"{"id":"m-new"}"#),
            (
                "weights.set",
                #"{"profile":"referral","weights":{"skill":1,"availability":0,"locality":0,"wellbeing":2,"bridging":0,"reciprocity":0}}"#
            ),
        ]
        for (i, write) in writes.enumerated() {
            let response = try await daemon.call(write.method, write.params, id: i)
            #expect(DaemonHarness.errorCode(response) == nil, "\(write.method): \(response)")
            let served = await daemon.service.community
            #expect(
                try daemon.store.load() == served, "after \(write.method) #\(i), the store holds the served community")
        }
        let arthur = try #require(try daemon.store.load().members.first { $0.id == "m-arthur" })
        #expect(arthur.avoid.isEmpty, "the cascade of member.remove reached m-arthur's avoid list")
        #expect(try daemon.store.loadWeights() == [.referral: FactorWeights(skill: 1, wellbeing: 2)])
        #expect(daemon.store.integrityCheck())
    }

    @Test func communityLoadReplacesTheStoredCommunityButKeepsWeights() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path)
        #expect(
            DaemonHarness.errorCode(
                try await daemon.call(
                    "weights.set",
                    #"{"profile":"broker","weights":{"skill":1,"availability":0,"locality":0,"wellbeing":0,"bridging":0,"reciprocity":0}}"#
                )) == nil)
        let small =
            #"{"members":[{"id":"m-a"},{"id":"m-b","avoid":["m-a"]}],"activities":[{"id":"a-1","name":"Walk"}],"exchanges":[{"giver":"m-a","receiver":"m-b","hours":1}],"attendance":[{"member":"m-b","activity":"a-1"}]}"#
        let response = try await daemon.call("community.load", #"{"community":\#(small)}"#)
        #expect(DaemonHarness.errorCode(response) == nil)
        let expected = try JSONDecoder().decode(Community.self, from: Data(small.utf8))
        #expect(try daemon.store.load() == expected)
        #expect(try daemon.store.loadWeights()[.broker] == FactorWeights(skill: 1))
    }

    /// A write the model refuses never reaches the store: the file is byte for byte the same.
    @Test func aRefusedWriteChangesNothingOnDisk() async throws {
        let file = try TemporaryStore()
        let daemon = try DaemonHarness(path: file.path)
        let before = try file.snapshot()
        let refused: [(String, String, Int)] = [
            ("member.upsert", #"{"member":{"id":"m-x","avoid":["m-nobody"]}}"#, -32602),
            ("member.upsert", #"{"member":{"id":"m-x","birthYear":1800}}"#, -32602),
            ("activity.upsert", #"{"activity":{"id":"a-x","name":"Full","capacity":1,"enrolled":3}}"#, -32602),
            ("exchange.record", #"{"exchange":{"giver":"m-june","receiver":"m-nobody","hours":1}}"#, -32001),
            (
                "exchange.record", #"{"exchange":{"id":"x-cast-001","giver":"m-june","receiver":"m-maud","hours":1}}"#,
                -32602
            ),
            ("attendance.record", #"{"attendance":{"member":"m-june","activity":"a-nowhere"}}"#, -32002),
            ("member.remove", #"{"id":"m-nobody"}"#, -32001),
            ("activity.remove", #"{"id":"a-nowhere"}"#, -32002),
            ("weights.set", #"{"weights":{"skill":0}}"#, -32602),
            ("community.load", #"{"community":{"members":[{"id":"m-a"},{"id":"m-a"}]}}"#, -32602),
        ]
        for (method, params, code) in refused {
            #expect(DaemonHarness.errorCode(try await daemon.call(method, params)) == code, "\(method) \(params)")
        }
        #expect(try file.snapshot() == before, "the database and its WAL are unchanged")
        #expect(try daemon.store.load() == (try Fixtures.lewisham))
    }

    /// The store checks references itself too: a write naming an unknown member is rolled back.
    @Test func theStoreRollsBackAWriteWithABrokenReference() throws {
        let file = try TemporaryStore()
        let store = try file.open()
        try store.replaceAll(try Fixtures.lewisham)
        #expect(throws: StoreError.self) {
            try store.record(exchange: Exchange(giver: "m-june", receiver: "m-nobody", hours: 1))
        }
        #expect(throws: StoreError.self) {
            try store.record(attendance: Attendance(member: "m-june", activity: "a-nowhere"))
        }
        #expect(throws: StoreError.self) { try store.upsert(member: Member(id: "m-x", avoid: ["m-nobody"])) }
        #expect(throws: StoreError.self) {
            try store.record(exchange: Exchange(id: "x-cast-001", giver: "m-june", receiver: "m-maud", hours: 1))
        }
        #expect(try store.load() == (try Fixtures.lewisham))
        #expect(store.integrityCheck())
    }

    /// When the store fails, the service keeps its old state and answers -32603 with a message
    /// that says nothing of the request.
    @Test func aStoreFailureChangesNothingAndAnswersInternalError() async throws {
        let service = try StitchService(
            community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy, persistence: FailingStore(stored: try Fixtures.lewisham))
        let dispatcher = RPCDispatcher(service: service)
        let line =
            #"{"jsonrpc":"2.0","id":1,"method":"member.upsert","params":{"member":{"id":"m-secret","name":"Secret Name"}}}"#
        let response = String(decoding: try #require(await dispatcher.handle(line: Data(line.utf8))), as: UTF8.self)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(response.utf8)) as? [String: Any])
        #expect(DaemonHarness.errorCode(object) == -32603)
        #expect(!response.contains("m-secret") && !response.contains("Secret"), "the message is request-independent")
        #expect(await service.community == (try Fixtures.lewisham))
        #expect(await !service.currentEngine.contains(member: "m-secret"), "the write applied in memory was undone")
        let weights =
            #"{"jsonrpc":"2.0","id":2,"method":"weights.set","params":{"weights":{"skill":1,"availability":0,"locality":0,"wellbeing":0,"bridging":0,"reciprocity":0}}}"#
        let refused = try #require(await dispatcher.handle(line: Data(weights.utf8)))
        #expect(String(decoding: refused, as: UTF8.self).contains("-32603"))
        #expect(
            await service.currentEngine.configuration.weights(for: .broker) == ScoringProfile.defaultWeights[.broker])
    }
}

/// A store that refuses every write, and holds `stored`.
struct FailingStore: CommunityPersistence {
    struct Refused: Error {}
    var stored: Community
    func loadCommunity() throws -> Community { stored }
    func replaceAll(_ community: Community) throws { throw Refused() }
    func upsert(member: Member) throws { throw Refused() }
    func remove(memberID: String) throws { throw Refused() }
    func upsert(activity: Activity) throws { throw Refused() }
    func remove(activityID: String) throws { throw Refused() }
    func record(exchange: Exchange) throws { throw Refused() }
    func record(attendance: Attendance) throws { throw Refused() }
    func setWeights(profile: ScoringProfile, weights: FactorWeights) throws { throw Refused() }
    func record(outcome: Outcome) throws { throw Refused() }
}
