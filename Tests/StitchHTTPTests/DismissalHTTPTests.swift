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

/// `POST /api/match/dismiss`, `/api/match/undismiss` and `/api/match/dismissals` answer as their
/// JSON-RPC methods: the dismissed helper leaves `match.helpers`, an unknown candidate is 404.
@Suite("Dismissals over HTTP")
struct DismissalHTTPTests {
    static func post(_ client: any TestClientProtocol, _ uri: String, _ body: String) async throws -> (HTTPResponse.Status, [String: Any]) {
        try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body)) {
            response in
            (response.status, try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]))
        }
    }

    static func helpers(_ answer: [String: Any]) -> [String] {
        (answer["matches"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func aDismissedHelperLeavesTheAnswerUntilTakenBack() async throws {
        let service = try StitchService(community: ScenarioCast.community, taxonomy: try Fixtures.taxonomy)
        let interface = HTTPInterface(
            service: service, statistics: RequestStatistics(), token: nil, maximumBodyBytes: 1 << 20,
            openAPIDocument: Data("openapi: 3.1.0\n".utf8))
        let app = interface.application(router: try interface.router(), host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
        let ask = #"{"request":{"requester":"m-arthur","skill":"accompany to hospital"},"limit":3}"#
        try await app.test(.router) { client in
            let (_, before) = try await Self.post(client, "/api/match/helpers", ask)
            let first = try #require(Self.helpers(before).first)
            let (status, kept) = try await Self.post(
                client, "/api/match/dismiss", #"{"subject":"m-arthur","candidate":"\#(first)","reason":"did not get on"}"#)
            #expect(status == .ok && kept["candidate"] as? String == first && kept["date"] is String, "\(kept)")
            let (_, after) = try await Self.post(client, "/api/match/helpers", ask)
            #expect(!Self.helpers(after).contains(first))
            #expect((after["excluded"] as? [String: Int])?["dismissed"] == 1)
            let (_, listed) = try await Self.post(client, "/api/match/dismissals", "{}")
            #expect((listed["dismissals"] as? [[String: Any]])?.count == 1)
            let (unknown, error) = try await Self.post(client, "/api/match/dismiss", #"{"subject":"m-arthur","candidate":"m-nobody"}"#)
            #expect(unknown == .notFound, "\(error)")
            let (_, undone) = try await Self.post(client, "/api/match/undismiss", #"{"subject":"m-arthur","candidate":"\#(first)"}"#)
            #expect(undone["removed"] as? Bool == true)
            let (_, again) = try await Self.post(client, "/api/match/helpers", ask)
            #expect(Self.helpers(again).first == first)
        }
    }
}
