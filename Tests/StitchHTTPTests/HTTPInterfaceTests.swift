import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import StitchApplication
import StitchGenerator
import StitchHTTP
import StitchModel
import StitchTestSupport
import Testing

/// The HTTP API in process (Hummingbird's test client, no socket): each operation answers as
/// its JSON-RPC method, with the same errors.
@Suite("The HTTP API answers as the JSON-RPC methods, with the same errors")
struct HTTPInterfaceTests {
    static let token = String(repeating: "t", count: 40)

    func withAPI(token: String? = nil, maximumBodyBytes: Int = 1 << 20, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let service = try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy)
        let interface = HTTPInterface(
            service: service, statistics: RequestStatistics(), token: token, maximumBodyBytes: maximumBodyBytes,
            openAPIDocument: Data("openapi: 3.1.0\n".utf8))
        let app = interface.application(router: try interface.router(), host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in try await body(client) }
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test func whoCanHelpAnswersTheSameRankingAsTheService() async throws {
        let service = try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy)
        let params = try MethodParams.decode(
            MethodParams.Helpers.self, from: Data(#"{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}"#.utf8))
        let expected = try await service.whoCanHelp(params).matches.map(\.id)
        try await withAPI { client in
            try await client.execute(
                uri: "/api/match/helpers", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}"#)
            ) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response.body)
                let ids = try #require(answer["matches"] as? [[String: Any]]).compactMap { $0["id"] as? String }
                #expect(!ids.isEmpty)
                #expect(ids == expected)
                #expect(answer["excluded"] is [String: Any])
            }
        }
    }

    @Test func anUnknownKeyIsRefusedAt400WithTheFieldAndTheNearestKey() async throws {
        try await withAPI { client in
            try await client.execute(
                uri: "/api/match/helpers", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"request":{"requester":"m-arthur","skil":"gardening"}}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let error = try Self.json(response.body)
                #expect(error["code"] as? Int == -32602)
                let data = try #require(error["data"] as? [String: Any])
                #expect(data["field"] as? String == "params.request.skil")
                #expect((data["reason"] as? String)?.contains("did you mean 'skill'?") == true)
            }
        }
    }

    @Test func anUnknownMemberIs404NamingTheNearestId() async throws {
        try await withAPI { client in
            try await client.execute(
                uri: "/api/match/opportunities", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"member":"m-artur"}"#)
            ) { response in
                #expect(response.status == .notFound)
                let error = try Self.json(response.body)
                #expect(error["code"] as? Int == -32001)
                #expect(((error["data"] as? [String: Any])?["reason"] as? String)?.contains("m-arthur") == true)
            }
        }
    }

    @Test func aBodyThatIsNotJSONIsAParseError() async throws {
        try await withAPI { client in
            try await client.execute(
                uri: "/api/refer/activities", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"referral": {"person": "m-maud"},}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let answer = try Self.json(response.body)
                #expect(answer["code"] as? Int == -32700)
            }
        }
    }

    @Test func aRecordIsStoredAtItsPathAndRefusedAtAnother() async throws {
        try await withAPI { client in
            try await client.execute(
                uri: "/api/members/m-new", method: .put, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"id":"m-new","offers":["gardening"],"travelKm":-1}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let data = try #require(try Self.json(response.body)["data"] as? [String: Any])
                #expect(data["field"] as? String == "params.member.travelKm")
            }
            try await client.execute(
                uri: "/api/members/m-other", method: .put, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"id":"m-new","offers":["gardening"]}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let data = try #require(try Self.json(response.body)["data"] as? [String: Any])
                #expect(data["field"] as? String == "params.member.id")
            }
            try await client.execute(
                uri: "/api/members/m-new", method: .put, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"id":"m-new","offers":["gardening"]}"#)
            ) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response.body)
                #expect(answer["id"] as? String == "m-new")
            }
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response.body)
                #expect(answer["members"] as? Int == ScenarioCast.community.members.count + 1)
            }
        }
    }

    @Test func withATokenEveryAPIRequestNeedsTheBearerHeader() async throws {
        try await withAPI(token: Self.token) { client in
            try await client.execute(uri: "/api/health", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let answer = try Self.json(response.body)
                #expect(answer["code"] as? Int == -32004)
            }
            try await client.execute(
                uri: "/api/health", method: .get, headers: [.authorization: "Bearer " + String(repeating: "x", count: 40)]
            ) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/api/health", method: .get, headers: [.authorization: "Bearer " + Self.token]) { response in
                #expect(response.status == .ok)
            }
            // The contract is public.
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi:"))
            }
        }
    }

    @Test func unknownPathsAndOversizedBodiesGetTheErrorObject() async throws {
        try await withAPI(maximumBodyBytes: 2048) { client in
            try await client.execute(uri: "/api/match/helper", method: .post) { response in
                #expect(response.status == .notFound)
                let answer = try Self.json(response.body)
                #expect(answer["code"] as? Int == -32601)
            }
            try await client.execute(
                uri: "/api/match/helpers", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"request":{"skill":""# + String(repeating: "a", count: 4096) + #""}}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                let answer = try Self.json(response.body)
                #expect(answer["code"] as? Int == -32003)
            }
        }
    }

    @Test func aMethodThePathDoesNotTakeIs405WithAllow() async throws {
        try await withAPI { client in
            try await client.execute(uri: "/api/members/m-maud", method: .patch) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "PUT, DELETE")
                let answer = try Self.json(response.body)
                #expect(answer["code"] as? Int == -32601)
                #expect((answer["data"] as? [String: Any])?["field"] as? String == "method")
            }
            try await client.execute(uri: "/api/match/helpers", method: .get) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "POST")
            }
            try await client.execute(uri: "/api/weights", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, PUT")
            }
            // A path that is no operation stays 404, with or without a parameter's segment.
            try await client.execute(uri: "/api/members", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/members/m-maud/extra", method: .put) { #expect($0.status == .notFound) }
        }
    }

    @Test func anOptionalBodyMayBeLeftOut() async throws {
        try await withAPI { client in
            try await client.execute(uri: "/api/network/analyse", method: .post) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response.body)
                #expect(answer["communities"] is [Any])
            }
            try await client.execute(
                uri: "/api/network/analyse", method: .post, headers: [.contentType: "application/json"]
            ) { #expect($0.status == .ok) }
            // Read as `{}`: the default profile, which has no outcomes to fit yet.
            try await client.execute(uri: "/api/weights/calibrate", method: .post) { response in
                #expect(response.status == .badRequest)
                let data = try #require(try Self.json(response.body)["data"] as? [String: Any])
                #expect(data["field"] as? String == "params.profile")
            }
            // A body that is required is still required.
            try await client.execute(
                uri: "/api/match/helpers", method: .post, headers: [.contentType: "application/json"]
            ) { response in
                #expect(response.status == .badRequest)
                let answer = try Self.json(response.body)
                #expect(answer["code"] as? Int == -32600)
            }
        }
    }

    @Test func statisticsCountHTTPRequestsUnderTheirMethods() async throws {
        try await withAPI { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/api/health", method: .get) { #expect($0.status == .ok) }
            }
            try await client.execute(
                uri: "/api/match/opportunities", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"member":"m-nobody"}"#)) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/api/stats", method: .get) { response in
                let stats = try Self.json(response.body)
                let requests = try #require(stats["requests"] as? [String: Int])
                #expect(requests["server.health"] == 2)
                #expect(requests["match.opportunities"] == 1)
                #expect((stats["errors"] as? [String: Int])?["-32001"] == 1)
            }
        }
    }
}

extension HTTPInterfaceTests {
    @Test func aReferralIsMadeMovedAndWrittenBackOverHTTP() async throws {
        try await withAPI { client in
            try await client.execute(
                uri: "/api/referrals", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"referral":{"person":"m-maud","date":"2026-11-02","referrer":{"role":"gp","practice":"g85016"},"interests":["knitting"]},"limit":2}"#)
            ) { response in
                #expect(response.status == .ok)
                let record = try Self.json(response.body)
                #expect(record["id"] as? String == "r-1")
                #expect(record["status"] as? String == "referred")
                #expect((record["offered"] as? [Any])?.count == 2)
            }
            try await client.execute(
                uri: "/api/referrals/r-1/status", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"status":"completed","date":"2026-11-03"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let error = try Self.json(response.body)
                #expect((error["data"] as? [String: Any])?["field"] as? String == "params.status")
            }
            try await client.execute(
                uri: "/api/referrals/r-1/status", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"status":"declined","date":"2026-11-03","note":"not now"}"#)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/referrals/r-1/message", method: .get) { response in
                #expect(response.status == .ok)
                let message = try Self.json(response.body)
                #expect((message["text"] as? String)?.contains("Now: declined since 3 Nov 2026 (not now).") == true)
            }
            try await client.execute(uri: "/api/referrals/due?date=2026-12-31", method: .get) { response in
                #expect(response.status == .ok)
                let due = try Self.json(response.body)
                #expect((due["due"] as? [Any])?.isEmpty == true, "a declined referral needs no call")
            }
            try await client.execute(uri: "/api/referrals/r-9", method: .get) { response in
                #expect(response.status == .notFound)
                let error = try Self.json(response.body)
                #expect(error["code"] as? Int == -32005)
            }
        }
    }
}

extension HTTPInterfaceTests {
    @Test func wellbeingIsRecordedAndWrittenBackAndLearningRefusesThinDataOverHTTP() async throws {
        try await withAPI { client in
            try await client.execute(
                uri: "/api/referrals", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"referral":{"person":"m-maud","date":"2026-11-02","interests":["knitting"]},"limit":2}"#)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/api/referrals/r-1/wellbeing", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"when":"before","scores":{"date":"2026-11-03","swemwbs":[2,2,3,2,3,2,3]}}"#)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/api/referrals/r-1/wellbeing", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"when":"after","scores":{"date":"2026-12-20","swemwbs":[3,3,4,3,3,3,6]}}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let error = try Self.json(response.body)
                #expect((error["data"] as? [String: Any])?["field"] as? String == "params.scores.swemwbs[6]")
            }
            try await client.execute(
                uri: "/api/referrals/r-1/wellbeing", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"when":"after","scores":{"date":"2026-12-20","swemwbs":[3,3,4,3,3,3,4]}}"#)
            ) { response in
                #expect(response.status == .ok)
                let outcome = try Self.json(response.body)
                let change = (outcome["change"] as? [String: Any])?["swemwbs"] as? [String: Any]
                #expect(change?["change"] as? Double == 3.85)
                #expect(change?["verdict"] as? String == "improved")
            }
            try await client.execute(uri: "/api/referrals/r-1/message", method: .get) { response in
                let message = try Self.json(response.body)
                #expect((message["text"] as? String)?.contains("SWEMWBS 16.88 → 20.73 metric points, +3.85, improved") == true)
            }
            try await client.execute(
                uri: "/api/weights/learn", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"target":"wellbeing"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let error = try Self.json(response.body)
                #expect((error["data"] as? [String: Any])?["field"] as? String == "params.target")
            }
            try await client.execute(uri: "/api/weights/fits", method: .get) { response in
                #expect(response.status == .ok)
                let fits = try Self.json(response.body)
                #expect((fits["fits"] as? [Any])?.isEmpty == true)
            }
        }
    }
}
