import Foundation
import StitchApplication
import StitchEngine
import StitchGenerator
import StitchModel
import StitchRPC
import StitchTestSupport
import Testing

/// Drives the dispatcher in process, a line at a time, as a transport would.
struct RPCHarness {
    let dispatcher: RPCDispatcher

    init(token: String? = nil, community: Community = ScenarioCast.community) throws {
        dispatcher = RPCDispatcher(service: try StitchService(community: community, taxonomy: Fixtures.taxonomy), token: token, maximumLineBytes: 64 * 1024)
    }

    /// Sends a line; returns the parsed response (nil when none).
    func send(_ line: String) async throws -> Any? {
        guard let data = await dispatcher.handle(line: Data(line.utf8)) else { return nil }
        return try JSONSerialization.jsonObject(with: data)
    }

    func object(_ line: String) async throws -> [String: Any] {
        try #require(try await send(line) as? [String: Any])
    }

    func errorCode(_ line: String) async throws -> Int? {
        (try await object(line)["error"] as? [String: Any])?["code"] as? Int
    }

    func errorField(_ line: String) async throws -> String? {
        ((try await object(line)["error"] as? [String: Any])?["data"] as? [String: Any])?["field"] as? String
    }
}

@Suite("JSON-RPC dispatcher")
struct DispatcherTests {
    @Test func everyQueryMethodAnswers() async throws {
        let rpc = try RPCHarness()
        let helpers = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tue","start":"10:00","end":"12:00"}]}}}"#)
        #expect(helpers["id"] as? Int == 1)
        let matches = try #require((helpers["result"] as? [String: Any])?["matches"] as? [[String: Any]])
        #expect(matches.first?["id"] as? String == "m-june")
        let give = try await rpc.object(#"{"jsonrpc":"2.0","id":"g","method":"match.opportunities","params":{"member":"m-bee","limit":3}}"#)
        #expect(give["id"] as? String == "g")
        #expect(((give["result"] as? [String: Any])?["matches"] as? [Any])?.count == 3)
        let refer = try await rpc.object(#"{"jsonrpc":"2.0","id":2,"method":"refer.activities","params":{"referral":{"person":"m-maud"},"limit":2,"withBuddy":true}}"#)
        let first = try #require(((refer["result"] as? [String: Any])?["matches"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "a-knit-natter")
        #expect((first["buddy"] as? [String: Any])?["id"] as? String == "m-ada")
        let explain = try await rpc.object(#"{"jsonrpc":"2.0","id":3,"method":"match.explain","params":{"subject":"m-kathy","candidate":"a-art-upstairs"}}"#)
        #expect((explain["result"] as? [String: Any])?["excludedBy"] as? [String] == ["access"])
        let health = try await rpc.object(#"{"jsonrpc":"2.0","id":4,"method":"server.health"}"#)
        #expect((health["result"] as? [String: Any])?["status"] as? String == "ok")
        let network = try await rpc.object(#"{"jsonrpc":"2.0","id":7,"method":"network.analyse","params":{}}"#)
        let analysis = try #require(network["result"] as? [String: Any])
        #expect(analysis["communities"] is [Any] && analysis["isolated"] is [Any] && analysis["reciprocityIndex"] is Double)
        #expect(analysis["modularity"] is Double && analysis["bridging"] is [Any] && analysis["isolation"] is [String: Any])
        let finer = try await rpc.object(#"{"jsonrpc":"2.0","id":8,"method":"network.analyse","params":{"resolution":3}}"#)
        let communities = { (o: [String: Any]) in ((o["result"] as? [String: Any])?["communities"] as? [Any])?.count ?? 0 }
        #expect((finer["result"] as? [String: Any])?["resolution"] as? Double == 3 && communities(finer) > communities(network))
        let plan = try await rpc.object(#"{"jsonrpc":"2.0","id":6,"method":"plan.allocate","params":{"referrals":[{"id":"r-1","person":"m-maud","referrer":"gp-downham"},{"id":"r-2","person":"m-bee","referrer":"gp-rushey-green"}]}}"#)
        let assignments = try #require((plan["result"] as? [String: Any])?["assignments"] as? [[String: Any]])
        #expect(assignments.first { $0["referral"] as? String == "r-1" }?["activity"] as? String == "a-knit-natter")
        let weights = try await rpc.object(#"{"jsonrpc":"2.0","id":5,"method":"weights.get","params":{"profile":"referral"}}"#)
        #expect(((weights["result"] as? [String: Any])?["weights"] as? [String: Double])?["wellbeing"] == 0.25)
    }

    /// `network.analyse` draws the overview and a community's picture on request, as DOT text by
    /// the same code as `stitch network`; names only when asked; an unknown community is refused
    /// at its place in the list.
    @Test func networkPicturesOnRequest() async throws {
        let rpc = try RPCHarness()
        let plain = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"network.analyse","params":{}}"#)
        #expect((plain["result"] as? [String: Any])?["pictures"] == nil, "no pictures unless asked")
        let asked = try await rpc.object(
            #"{"jsonrpc":"2.0","id":2,"method":"network.analyse","params":{"pictures":{"overview":true,"communities":[1]}}}"#)
        let pictures = try #require((asked["result"] as? [String: Any])?["pictures"] as? [String: Any])
        let overview = try #require(pictures["overview"] as? String)
        #expect(overview.contains("layout=neato") && overview.contains("communities and who links them"))
        let one = try #require((pictures["communities"] as? [String: String])?["1"])
        #expect(one.contains("layout=fdp") && one.contains("Community 1"))
        let communities = try #require((asked["result"] as? [String: Any])?["communities"] as? [[String: Any]])
        let someone = try #require((communities[1]["members"] as? [String])?.first)
        #expect(one.contains(someone), "members appear by id")
        let names = ScenarioCast.community.members.compactMap(\.name).filter { $0.count > 3 }
        #expect(!names.contains { one.contains($0) || overview.contains($0) }, "no name unless asked")
        let named = try await rpc.object(
            #"{"jsonrpc":"2.0","id":3,"method":"network.analyse","params":{"pictures":{"communities":[1],"names":true}}}"#)
        let namedPicture = try #require(
            (((named["result"] as? [String: Any])?["pictures"] as? [String: Any])?["communities"] as? [String: String])?["1"])
        #expect(names.contains { namedPicture.contains($0) }, "names when asked")
        #expect(
            try await rpc.errorField(#"{"jsonrpc":"2.0","id":4,"method":"network.analyse","params":{"pictures":{"communities":[0,999]}}}"#)
                == "params.pictures.communities[1]")
        #expect(
            try await rpc.errorField(#"{"jsonrpc":"2.0","id":5,"method":"network.analyse","params":{"pictures":{"communities":[-1]}}}"#)
                == "params.pictures.communities[0]")
        #expect(
            try await rpc.errorField(#"{"jsonrpc":"2.0","id":6,"method":"network.analyse","params":{"pictures":{"overview":true,"colour":"red"}}}"#)
                == "params.pictures.colour")
    }

    @Test func writesChangeTheAnswersAndBadWritesLoseNothing() async throws {
        let rpc = try RPCHarness()
        let upsert = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"member.upsert","params":{"member":{"id":"m-new","offers":["accompanying"],"availability":[{"day":"tue","start":"09:00","end":"13:00"}],"location":{"lat":51.4452,"lon":-0.0181},"travelKm":2}}}"#)
        #expect((upsert["result"] as? [String: Any])?["id"] as? String == "m-new")
        let helpers = try await rpc.object(#"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompanying","when":[{"day":"tue","start":"10:00","end":"12:00"}]}}}"#)
        #expect(((helpers["result"] as? [String: Any])?["matches"] as? [[String: Any]])?.contains { $0["id"] as? String == "m-new" } == true)
        let exchange = try await rpc.object(#"{"jsonrpc":"2.0","id":3,"method":"exchange.record","params":{"exchange":{"giver":"m-new","receiver":"m-arthur","hours":2,"date":"2026-10-30"}}}"#)
        #expect(((exchange["result"] as? [String: Any])?["giver"] as? [String: Any])?["balance"] as? Double == 2)
        // A write that would make the community invalid is refused and changes nothing.
        #expect(try await rpc.errorField(#"{"jsonrpc":"2.0","id":4,"method":"member.upsert","params":{"member":{"id":"m-x","avoid":["m-ghost"]}}}"#) == "params.member.avoid[0]")
        #expect(try await rpc.errorCode(#"{"jsonrpc":"2.0","id":5,"method":"exchange.record","params":{"exchange":{"giver":"m-ghost","receiver":"m-arthur","hours":1}}}"#) == -32001)
        #expect(try await rpc.errorCode(#"{"jsonrpc":"2.0","id":6,"method":"activity.remove","params":{"id":"a-ghost"}}"#) == -32002)
        let health = try await rpc.object(#"{"jsonrpc":"2.0","id":7,"method":"server.health"}"#)
        #expect((health["result"] as? [String: Any])?["members"] as? Int == ScenarioCast.community.members.count + 1)
        _ = try await rpc.object(#"{"jsonrpc":"2.0","id":8,"method":"member.remove","params":{"id":"m-new"}}"#)
        let after = try await rpc.object(#"{"jsonrpc":"2.0","id":9,"method":"server.health"}"#)
        #expect((after["result"] as? [String: Any])?["members"] as? Int == ScenarioCast.community.members.count)
    }

    @Test func batchesAndNotifications() async throws {
        let rpc = try RPCHarness()
        #expect(try await rpc.send(#"{"jsonrpc":"2.0","method":"server.health"}"#) == nil, "a notification gets no response")
        let batch = try #require(try await rpc.send(#"[{"jsonrpc":"2.0","id":1,"method":"server.health"},{"jsonrpc":"2.0","method":"server.health"},{"jsonrpc":"2.0","id":2,"method":"nope"}]"#) as? [[String: Any]])
        #expect(batch.count == 2)
        #expect(batch.map { $0["id"] as? Int } == [1, 2])
        #expect((batch[1]["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(try await rpc.send(#"[{"jsonrpc":"2.0","method":"server.health"}]"#) == nil)
        #expect(try await rpc.errorCode("[]") == -32600)
    }

    @Test func tokenIsRequiredWhenSet() async throws {
        let rpc = try RPCHarness(token: "s3cret")
        #expect(try await rpc.errorCode(#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#) == -32004)
        #expect(try await rpc.errorCode(#"{"jsonrpc":"2.0","id":1,"method":"server.health","params":{"auth":"wrong"}}"#) == -32004)
        let ok = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"server.health","params":{"auth":"s3cret"}}"#)
        #expect(ok["error"] == nil)
    }
}
