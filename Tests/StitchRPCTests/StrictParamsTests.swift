import Foundation
import StitchGenerator
import StitchTestSupport
import Testing

/// Every method's params, and every record in them, refuse a key they do not have, naming it
/// with the key meant; unknown ids and methods are answered with the nearest known one. Run
/// through `stitch serve --stdio` as a client would.
@Suite("The daemon refuses unknown params keys, and says what was meant")
struct StrictParamsTests {
    struct Case: Sendable, CustomStringConvertible {
        var method: String
        var params: String
        var code: Int
        var field: String
        var reason: String
        var description: String { "\(method) \(params)" }
    }

    static let cases: [Case] = [
        .init(
            method: "member.upsert", params: #"{"member":{"id":"m-new","offer":["gardening"]}}"#, code: -32602,
            field: "params.member.offer", reason: "unknown field 'offer'; did you mean 'offers'?"),
        .init(
            method: "member.upsert", params: #"{"member":{"id":"m-new","availabilty":[]}}"#, code: -32602,
            field: "params.member.availabilty", reason: "unknown field 'availabilty'; did you mean 'availability'?"),
        .init(
            method: "member.upsert", params: #"{"membr":{"id":"m-new"},"member":{"id":"m-new"}}"#, code: -32602,
            field: "params.membr", reason: "unknown field 'membr'; did you mean 'member'?"),
        .init(
            method: "activity.upsert", params: #"{"activity":{"id":"a-new","name":"Walk","schedul":[]}}"#, code: -32602,
            field: "params.activity.schedul", reason: "unknown field 'schedul'; did you mean 'schedule'?"),
        .init(
            method: "exchange.record", params: #"{"exchange":{"giver":"m-bee","receiver":"m-maud","hours":1,"skil":"x"}}"#,
            code: -32602, field: "params.exchange.skil", reason: "unknown field 'skil'; did you mean 'skill'?"),
        .init(
            method: "attendance.record",
            params: #"{"attendance":{"member":"m-maud","activity":"a-knit-natter","dat":"2026-01-01"}}"#, code: -32602,
            field: "params.attendance.dat", reason: "unknown field 'dat'; did you mean 'date'?"),
        .init(
            method: "match.helpers", params: #"{"request":{"requester":"m-arthur","skill":"shopping"},"limt":3}"#,
            code: -32602, field: "params.limt", reason: "unknown field 'limt'; did you mean 'limit'?"),
        .init(
            method: "match.helpers", params: #"{"request":{"requester":"m-arthur","skil":"shopping"}}"#, code: -32602,
            field: "params.request.skil", reason: "unknown field 'skil'; did you mean 'skill'?"),
        .init(
            method: "match.helpers",
            params: #"{"request":{"requester":"m-arthur","skill":"shopping","when":[{"dya":"tue","start":"10:00","end":"12:00"}]}}"#,
            code: -32602, field: "params.request.when[0].dya", reason: "unknown field 'dya'; did you mean 'day'?"),
        .init(
            method: "match.opportunities", params: #"{"member":"m-bee","profil":"broker"}"#, code: -32602,
            field: "params.profil", reason: "unknown field 'profil'; did you mean 'profile'?"),
        .init(
            method: "refer.activities", params: #"{"referral":{"person":"m-maud","goal":{"connect":1}}}"#, code: -32602,
            field: "params.referral.goal", reason: "unknown field 'goal'; did you mean 'goals'?"),
        .init(
            method: "refer.activities",
            params: #"{"referral":{"person":{"id":"p-1","intrests":["walking"],"location":{"lat":51.44,"lon":-0.02}}}}"#,
            code: -32602, field: "params.referral.person.intrests", reason: "unknown field 'intrests'; did you mean 'interests'?"),
        .init(
            method: "match.explain", params: #"{"subject":"m-kathy","candidat":"a-art-upstairs"}"#, code: -32602,
            field: "params.candidat", reason: "unknown field 'candidat'; did you mean 'candidate'?"),
        .init(
            method: "plan.allocate", params: #"{"referrals":[{"id":"r-1","person":"m-maud","referer":"gp-downham"}]}"#,
            code: -32602, field: "params.referrals[0].referer", reason: "unknown field 'referer'; did you mean 'referrer'?"),
        .init(
            method: "weights.set",
            params:
                #"{"profile":"broker","weights":{"skil":1,"availability":1,"locality":1,"wellbeing":1,"bridging":1,"reciprocity":1}}"#,
            code: -32602, field: "params.weights.skil", reason: "unknown field 'skil'; did you mean 'skill'?"),
        .init(
            method: "weights.get", params: #"{"profle":"broker"}"#, code: -32602, field: "params.profle",
            reason: "unknown field 'profle'; did you mean 'profile'?"),
        .init(
            method: "outcome.record",
            params: #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"complete":true}"#, code: -32602,
            field: "params.complete", reason: "unknown field 'complete'; did you mean 'completed'?"),
        .init(
            method: "network.analyse", params: #"{"communities":3}"#, code: -32602, field: "params.communities",
            reason: "unknown field 'communities'; expected one of resolution, isolationMonths"),
        .init(
            method: "network.analyse", params: #"{"resolutoin":2}"#, code: -32602, field: "params.resolutoin",
            reason: "unknown field 'resolutoin'; did you mean 'resolution'?"),
        .init(
            method: "network.analyse", params: #"{"k":4}"#, code: -32602, field: "params.k",
            reason: "is no longer taken: communities are found by the Leiden algorithm, which chooses their number; "
                + "set resolution instead (default 1; higher gives more, smaller communities)"),
        .init(
            method: "community.load", params: #"{"community":{"members":[{"id":"m-1","offer":[]}]}}"#, code: -32602,
            field: "params.community.members[0].offer", reason: "unknown field 'offer'; did you mean 'offers'?"),
        .init(
            method: "community.load", params: #"{"community":{"skills":[]}}"#, code: -32602, field: "params.community",
            reason: "not a community: this is a skills taxonomy (it has skills), which is given with --taxonomy"),
        .init(
            method: "server.health", params: #"{"verbose":true}"#, code: -32602, field: "params.verbose",
            reason: "unknown field 'verbose'; server.health takes no params"),
        .init(
            method: "match.helper", params: "{}", code: -32601, field: "method",
            reason: "unknown method 'match.helper'; did you mean 'match.helpers'?"),
        .init(
            method: "match.opportunities", params: #"{"member":"m-be"}"#, code: -32001, field: "params.member",
            reason: "unknown member id 'm-be'; did you mean 'm-bee'?"),
        .init(
            method: "activity.remove", params: #"{"id":"a-knit-nater"}"#, code: -32002, field: "params.id",
            reason: "unknown activity id 'a-knit-nater'; did you mean 'a-knit-natter'?"),
        .init(
            method: "match.explain", params: #"{"subject":"m-kathy","candidate":"a-nowhere"}"#, code: -32002,
            field: "params.candidate", reason: "unknown activity id 'a-nowhere'"),
        .init(
            method: "exchange.record", params: #"{"exchange":{"giver":"m-bee","receiver":"m-mau","hours":1}}"#,
            code: -32001, field: "params.exchange.receiver", reason: "unknown member id 'm-mau'; did you mean 'm-maud'?"),
    ]

    @Test func everyMethodRefusesUnknownKeysAndUnknownNamesWithTheNearest() throws {
        let community = try CommandRunner.temporaryFile(try JSONEncoder().encode(ScenarioCast.community))
        var lines = Self.cases.enumerated().map { i, c in
            #"{"jsonrpc":"2.0","id":\#(i + 1),"method":"\#(c.method)","params":\#(c.params)}"#
        }
        let after = Self.cases.count + 1
        // Nothing refused was written; the daemon still serves; a line that is not JSON is still -32700.
        lines.append(#"{"jsonrpc":"2.0","id":\#(after),"method":"match.opportunities","params":{"member":"m-new"}}"#)
        lines.append(#"{"jsonrpc":"2.0","id":\#(after + 1),"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"shopping"},"limit":2}}"#)
        lines.append(#"{"jsonrpc":"2.0","id":\#(after + 2),"method":"server.health","params":{},}"#)
        let r = try CommandRunner().run(
            ["serve", "--stdio", "--community", community], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let answers = r.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(answers.count == lines.count, "\(r.stdout)")
        for (i, c) in Self.cases.enumerated() {
            let answer = answers.first { $0["id"] as? Int == i + 1 }
            let error = answer?["error"] as? [String: Any]
            let data = error?["data"] as? [String: Any]
            #expect(error?["code"] as? Int == c.code, "\(c): \(answer ?? [:])")
            #expect(data?["field"] as? String == c.field, "\(c): \(answer ?? [:])")
            #expect((data?["reason"] as? String)?.hasPrefix(c.reason) == true, "\(c): \(answer ?? [:])")
        }
        let unwritten = answers.first { $0["id"] as? Int == after }
        #expect((unwritten?["error"] as? [String: Any])?["code"] as? Int == -32001, "the refused upsert wrote nothing")
        let served = answers.first { $0["id"] as? Int == after + 1 }
        #expect(served?["result"] != nil, "\(served ?? [:])")
        let notJSON = answers.first { ($0["error"] as? [String: Any])?["code"] as? Int == -32700 }
        #expect((notJSON?["error"] as? [String: Any])?["message"] as? String == "Parse error: not valid JSON: a trailing comma before '}' (at byte \(lines.last!.utf8.count - 2))")
    }

    @Test func theTokenIsTheOneKeyEveryMethodTakesBesidesItsOwn() async throws {
        let rpc = try RPCHarness(token: "s3cret")
        let ok = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"match.opportunities","params":{"auth":"s3cret","member":"m-bee","limit":2}}"#)
        #expect(ok["result"] != nil, "\(ok)")
        let plain = try await rpc.object(#"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"auth":"s3cret","request":{"requester":"m-arthur","skill":"shopping"}}}"#)
        #expect(plain["result"] != nil, "\(plain)")
        let outcome = try await rpc.object(#"{"jsonrpc":"2.0","id":3,"method":"outcome.record","params":{"auth":"s3cret","subject":"m-maud","candidate":"a-knit-natter","accepted":true}}"#)
        #expect(outcome["result"] != nil, "\(outcome)")
        #expect(try await rpc.errorField(#"{"jsonrpc":"2.0","id":4,"method":"match.opportunities","params":{"auth":"s3cret","membr":"m-bee"}}"#) == "params.membr")
        // Only at the top of the params: a record has no `auth`.
        #expect(try await rpc.errorField(#"{"jsonrpc":"2.0","id":5,"method":"member.upsert","params":{"auth":"s3cret","member":{"id":"m-x","auth":"s3cret"}}}"#) == "params.member.auth")
    }
}
