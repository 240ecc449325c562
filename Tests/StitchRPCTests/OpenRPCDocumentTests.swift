import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchPlanning
import StitchRPC
import StitchTestSupport
import Testing

/// docs/openrpc.json, the OpenRPC document of the JSON-RPC methods, is built from the HTTP
/// interface's OpenAPI document by `openrpc_document.py` beside this file (`make openrpc`), so
/// the two describe the same methods with the same schemas; these tests fail when it drifts from
/// that document, from the OpenRPC specification's structure, or from the methods the dispatcher
/// answers.
@Suite("docs/openrpc.json is built from openapi.yaml and lists every JSON-RPC method")
struct OpenRPCDocumentTests {
    static let document = PythonScript.repositoryRoot.appendingPathComponent("docs/openrpc.json")

    /// What the generator gives: the document it builds now, and its check of docs/openrpc.json.
    struct Generated: Decodable {
        var text: String
        var problems: [String]
    }

    /// Runs the generator (the project's `.venv`, with pyyaml, jsonschema and openrpc).
    static func generate() throws -> Generated {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
        let script = """
            import json, sys
            folder = json.load(open(sys.argv[1]))["folder"]
            sys.path.insert(0, folder)
            import openrpc_document as generator
            text = generator.render(generator.build())
            problems = generator.check(json.loads(generator.OPENRPC.read_text(encoding="utf-8")))
            json.dump({"text": text, "problems": problems}, open(sys.argv[2], "w"))
            """
        return try PythonScript.run(
            script, input: ["folder": folder], as: Generated.self, reference: "OpenRPC generator")
    }

    @Test func theDocumentIsWhatOpenAPIGivesAndHasTheStructureOfOpenRPC() throws {
        let generated = try Self.generate()
        let stored = try String(contentsOf: Self.document, encoding: .utf8)
        #expect(
            stored == generated.text,
            "docs/openrpc.json is not what Sources/StitchHTTP/openapi.yaml gives: run `make openrpc` and commit it")
        #expect(generated.problems.isEmpty, "docs/openrpc.json: \(generated.problems.joined(separator: "; "))")
    }

    @Test func everyJSONRPCMethodIsInTheDocumentAndNoOther() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.document)) as? [String: Any]
        let methods = try #require(object?["methods"] as? [[String: Any]])
        let names = methods.compactMap { $0["name"] as? String }
        #expect(names.count == methods.count)
        #expect(names.count == Set(names).count, "a method is listed twice")
        #expect(Set(names) == Set(RPCDispatcher.methodNames))
        #expect(names.count == RPCDispatcher.methodNames.count)
    }

    /// The keys each method's reader takes (besides `auth`): the params the document must list.
    static let readerKeys: [String: RecordKeys] = [
        "community.load": MethodParams.Load.fieldKeys, "member.upsert": MethodParams.UpsertMember.fieldKeys,
        "member.remove": MethodParams.RemoveByID.fieldKeys, "activity.upsert": MethodParams.UpsertActivity.fieldKeys,
        "activity.remove": MethodParams.RemoveByID.fieldKeys, "exchange.record": MethodParams.RecordExchange.fieldKeys,
        "attendance.record": MethodParams.RecordAttendance.fieldKeys, "outcome.record": Outcome.fieldKeys,
        "match.helpers": MethodParams.Helpers.fieldKeys, "match.opportunities": MethodParams.Opportunities.fieldKeys,
        "refer.activities": MethodParams.Refer.fieldKeys, "match.explain": ExplainQuery.fieldKeys,
        "plan.allocate": PlanRequest.fieldKeys, "network.analyse": MethodParams.Network.fieldKeys,
        "weights.set": MethodParams.Weights.fieldKeys, "weights.calibrate": MethodParams.Calibrate.fieldKeys,
        "server.health": RecordKeys([]), "server.stats": RecordKeys([]),
        "referral.create": MethodParams.CreateReferral.fieldKeys, "referral.update-status": MethodParams.UpdateReferralStatus.fieldKeys,
        "referral.get": MethodParams.RemoveByID.fieldKeys, "referral.list": MethodParams.ListReferrals.fieldKeys,
        "referral.due": MethodParams.DueReferrals.fieldKeys, "referral.message": MethodParams.RemoveByID.fieldKeys,
        "referral.report": MethodParams.ReferralReport.fieldKeys, "referral.wellbeing": MethodParams.RecordWellbeing.fieldKeys,
        "weights.learn": MethodParams.LearnWeights.fieldKeys, "weights.fits": MethodParams.WeightFits.fieldKeys,
        "weights.apply": MethodParams.ApplyWeights.fieldKeys,
        "match.dismiss": Dismissal.fieldKeys, "match.undismiss": MethodParams.Undismiss.fieldKeys,
        "match.dismissals": MethodParams.Dismissals.fieldKeys,
        "match.ask": Ask.fieldKeys, "match.asks": MethodParams.Asks.fieldKeys, "pairing.start": Pairing.fieldKeys,
        "pairing.review": MethodParams.PairingReview.fieldKeys, "pairing.end": MethodParams.PairingEnd.fieldKeys,
        "pairing.list": MethodParams.Pairings.fieldKeys,
        "ledger.record": MethodParams.RecordLedgerEntry.fieldKeys, "ledger.balances": MethodParams.LedgerBalances.fieldKeys,
        "ledger.account.add": MethodParams.AddLedgerAccount.fieldKeys, "ledger.account.list": RecordKeys([]),
        "ledger.export": MethodParams.ExportBalances.fieldKeys, "ledger.import": MethodParams.ImportBalances.fieldKeys,
    ]

    @Test func everyMethodsParamsAreTheKeysItsReaderTakes() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.document)) as? [String: Any]
        let methods = try #require(object?["methods"] as? [[String: Any]])
        for method in methods {
            let name = try #require(method["name"] as? String)
            let params = (method["params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(params.last == "auth", "\(name): every method may carry the token")
            let listed = Set(params.dropLast())
            if name == "weights.get" {
                // Read by the reader of weights.set, which also takes `weights`.
                #expect(listed == ["profile"])
                #expect(listed.isSubset(of: MethodParams.Weights.fieldKeys.names))
            } else {
                let keys = try #require(Self.readerKeys[name], "\(name) has no reader in this test")
                #expect(
                    listed == Set(keys.names),
                    "\(name): the document lists \(listed.sorted()), the reader takes \(keys.names)")
            }
        }
    }

    @Test func aRecordMethodTakesItsRecordAndAnActionItsBodysFields() throws {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.document)) as? [String: Any]
        let methods = try #require(object?["methods"] as? [[String: Any]])
        func params(_ name: String) -> [String] {
            let method = methods.first { $0["name"] as? String == name }
            return (method?["params"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(params("member.upsert") == ["member", "auth"])
        #expect(params("attendance.record") == ["attendance", "auth"])
        #expect(params("member.remove") == ["id", "auth"])
        #expect(
            params("outcome.record") == [
                "subject", "candidate", "accepted", "completed", "wellbeingBefore", "wellbeingAfter", "auth",
            ])
        #expect(params("match.helpers") == ["request", "limit", "profile", "auth"])
        #expect(params("server.health") == ["auth"])
    }
}
