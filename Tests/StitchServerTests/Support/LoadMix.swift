import Foundation
import StitchApplication
import StitchRPC
import Testing

/// The mixed requests of the load test (helpers, opportunities, referrals, explanations,
/// health) over `ScenarioCast.community`, and the answer each must get.
struct LoadMix: Sendable {
    /// One kind of request: a method and its params, sent with a fresh id each time.
    struct Request: Sendable {
        var method: String
        var params: String

        func line(id: Int) -> String {
            #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        }
    }

    let requests: [Request]
    /// The answer to each request without its id, computed one at a time by a dispatcher of its own.
    let expected: [JSONValue]

    /// The mix, with its reference answers from `dispatcher` (which nothing else uses meanwhile).
    init(reference dispatcher: RPCDispatcher) async throws {
        var requests = [Request(method: "server.health", params: "{}")]
        for requester in ["m-arthur", "m-vera", "m-edith", "m-maud"] {
            for skill in ["accompanying", "befriending", "knitting", "computer-help", "shopping"] {
                requests.append(
                    Request(
                        method: "match.helpers",
                        params:
                            #"{"request":{"requester":"\#(requester)","skill":"\#(skill)","when":[{"day":"tue","start":"09:00","end":"17:00"}]},"limit":5}"#
                    ))
            }
        }
        for member in [
            "m-ada", "m-bee", "m-colin", "m-grace", "m-jade", "m-june", "m-leon", "m-nadia", "m-pete", "m-sam",
        ] {
            requests.append(Request(method: "match.opportunities", params: #"{"member":"\#(member)","limit":5}"#))
        }
        for person in ["m-maud", "m-kathy", "m-arthur", "m-edith", "m-olive", "m-ruth"] {
            requests.append(
                Request(
                    method: "refer.activities",
                    params: #"{"referral":{"person":"\#(person)"},"limit":3,"withBuddy":true}"#))
        }
        for (subject, candidate) in [
            ("m-kathy", "a-art-upstairs"), ("m-maud", "a-knit-natter"), ("m-bee", "a-poetry-afternoon"),
            ("m-olive", "a-green-gym"),
        ] {
            requests.append(
                Request(method: "match.explain", params: #"{"subject":"\#(subject)","candidate":"\#(candidate)"}"#))
        }
        var expected: [JSONValue] = []
        for request in requests {
            let answer = try #require(await dispatcher.handle(line: Data(request.line(id: 0).utf8)))
            expected.append(Self.withoutID(try JSONValue.parse(String(decoding: answer, as: UTF8.self))))
        }
        self.requests = requests
        self.expected = expected
    }

    /// Which request the `index`-th message of client `client` is: every client sends a different
    /// interleaving of the whole mix.
    func pick(client: Int, index: Int) -> Int {
        (client * 7 + index * 13) % self.requests.count
    }

    /// An answer with its id removed, for comparing with the reference.
    static func withoutID(_ value: JSONValue) -> JSONValue {
        guard case .object(var fields) = value else { return value }
        fields["id"] = nil
        return .object(fields)
    }
}
