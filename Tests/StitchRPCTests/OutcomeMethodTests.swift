@testable import StitchApplication
import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC

/// `outcome.record` and `weights.calibrate` over the dispatcher, against `ScenarioCast.community`.
@Suite("Outcomes and calibration over JSON-RPC")
struct OutcomeMethodTests {
    static func record(_ subject: String, _ candidate: String, accepted: Bool, completed: Bool, id: Int) -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"method":"outcome.record","params":{"subject":"\#(subject)","candidate":"\#(candidate)","accepted":\#(accepted),"completed":\#(completed),"wellbeingBefore":3,"wellbeingAfter":4}}"#
    }

    /// Records `count` outcomes of referrals (every member with the activities in order), taken
    /// up when the activity is about the member's interests.
    static func recordReferrals(_ count: Int, on rpc: RPCHarness, engine: Engine) async throws {
        let community = ScenarioCast.community
        let pairs = community.members.flatMap { m in community.activities.map { (m.id, $0.id) } }
        for (i, (subject, candidate)) in pairs.prefix(count).enumerated() {
            let skill = try engine.explain(ExplainQuery(subject: .id(subject), candidate: candidate)).factors.skill
            let line = record(subject, candidate, accepted: skill > 0.5, completed: skill > 0.5 && i % 2 == 0, id: 100 + i)
            let answer = try await rpc.object(line)
            #expect(answer["result"] as? [String: Any] != nil && answer["error"] == nil, "\(answer)")
        }
    }

    @Test func anOutcomeIsRecordedAndAnsweredWithAnEmptyObject() async throws {
        let rpc = try RPCHarness()
        let line =
            #"{"jsonrpc":"2.0","id":14,"method":"outcome.record","params":{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"completed":true,"wellbeingBefore":0.4,"wellbeingAfter":0.6}}"#
        let response = try #require(await rpc.dispatcher.handle(line: Data(line.utf8)))
        #expect(String(decoding: response, as: UTF8.self) == #"{"id":14,"jsonrpc":"2.0","result":{}}"#)
        #expect(
            await rpc.dispatcher.service.outcomes == [
                Outcome(
                    subject: "m-maud", candidate: "a-knit-natter", accepted: true, completed: true, wellbeingBefore: 0.4,
                    wellbeingAfter: 0.6)
            ])
        // A member as candidate: a helper for one of the subject's needs.
        let helper = try await rpc.object(Self.record("m-arthur", "m-june", accepted: true, completed: false, id: 15))
        #expect(helper["result"] != nil)
        #expect(await rpc.dispatcher.service.outcomes.count == 2)
    }

    @Test func calibrationFitsAppliesAndAnswersTheWeights() async throws {
        let rpc = try RPCHarness()
        let engine = await rpc.dispatcher.service.currentEngine
        try await Self.recordReferrals(40, on: rpc, engine: engine)
        let answer = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"weights.calibrate","params":{"profile":"referral"}}"#)
        let result = try #require(answer["result"] as? [String: Any], "\(answer)")
        #expect(result["profile"] as? String == "referral")
        #expect(result["outcomes"] as? Int == 40)
        let weights = try #require(result["weights"] as? [String: Double])
        #expect(Set(weights.keys) == Set(Factor.allCases.map(\.rawValue)))
        #expect(weights.values.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(abs(weights.values.reduce(0, +) - 1) < 1e-9)

        // The same fit as the engine's, now in force (weights.get) and used by every ranking.
        let outcomes = await rpc.dispatcher.service.outcomes
        let fit = try engine.calibrateWeights(from: outcomes, profile: .referral)
        // (JSONSerialization may read the last digit of a double differently.)
        for f in Factor.allCases { #expect(abs(weights[f.rawValue, default: -1] - fit.weights[f]) < 1e-12) }
        #expect(await rpc.dispatcher.service.currentEngine.configuration.weights(for: .referral) == fit.weights)
        let get = try await rpc.object(#"{"jsonrpc":"2.0","id":2,"method":"weights.get","params":{"profile":"referral"}}"#)
        #expect((get["result"] as? [String: Any])?["weights"] as? [String: Double] == weights)
        #expect(
            await rpc.dispatcher.service.currentEngine.configuration.weights(for: .broker)
                == ScoringProfile.defaultWeights[.broker], "other profiles are left alone")

        // Outcomes of activities do not calibrate the broker.
        let broker = try await rpc.object(#"{"jsonrpc":"2.0","id":3,"method":"weights.calibrate","params":{"profile":"broker"}}"#)
        let error = try #require(broker["error"] as? [String: Any])
        #expect(error["code"] as? Int == -32602)
        let data = try #require(error["data"] as? [String: String])
        #expect(data["field"] == "params.profile")
        #expect(data["reason"] == "needs at least 20 recorded outcomes with a member as candidate, has 0")
    }

    @Test func tooFewOutcomesChangeNothing() async throws {
        let rpc = try RPCHarness()
        let engine = await rpc.dispatcher.service.currentEngine
        try await Self.recordReferrals(19, on: rpc, engine: engine)
        let answer = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"weights.calibrate","params":{"profile":"planning"}}"#)
        let data = try #require((answer["error"] as? [String: Any])?["data"] as? [String: String])
        #expect(data == ["field": "params.profile", "reason": "needs at least 20 recorded outcomes with an activity as candidate, has 19"])
        #expect(
            await rpc.dispatcher.service.currentEngine.configuration.weights(for: .planning)
                == ScoringProfile.defaultWeights[.planning])
    }

    @Test func removingAMemberOrAnActivityDropsTheOutcomesNamingThem() async throws {
        let rpc = try RPCHarness()
        for (i, (subject, candidate)) in [("m-maud", "a-knit-natter"), ("m-ada", "a-knit-natter"), ("m-maud", "a-allotment"), ("m-arthur", "m-june")].enumerated() {
            _ = try await rpc.object(Self.record(subject, candidate, accepted: true, completed: true, id: i))
        }
        _ = try await rpc.object(#"{"jsonrpc":"2.0","id":10,"method":"member.remove","params":{"id":"m-maud"}}"#)
        #expect(await rpc.dispatcher.service.outcomes.map(\.subject) == ["m-ada", "m-arthur"])
        _ = try await rpc.object(#"{"jsonrpc":"2.0","id":11,"method":"member.remove","params":{"id":"m-june"}}"#)
        _ = try await rpc.object(#"{"jsonrpc":"2.0","id":12,"method":"activity.remove","params":{"id":"a-knit-natter"}}"#)
        #expect(await rpc.dispatcher.service.outcomes.isEmpty)
    }
}
