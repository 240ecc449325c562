/// Request lines the tests send, against `ScenarioCast.community` (one per method, one per
/// error code), with what the answers must say.
enum Requests {
    static let health = #"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#
    static let helpers =
        #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompany to hospital","when":[{"day":"tue","start":"10:00","end":"12:00"}]},"limit":3}}"#
    static let opportunities =
        #"{"jsonrpc":"2.0","id":"g","method":"match.opportunities","params":{"member":"m-bee","limit":3}}"#
    static let refer =
        #"{"jsonrpc":"2.0","id":3,"method":"refer.activities","params":{"referral":{"person":"m-maud"},"limit":2,"withBuddy":true}}"#
    static let explain =
        #"{"jsonrpc":"2.0","id":4,"method":"match.explain","params":{"subject":"m-kathy","candidate":"a-art-upstairs"}}"#
    static let upsert =
        #"{"jsonrpc":"2.0","id":5,"method":"member.upsert","params":{"member":{"id":"m-new","offers":["accompanying"],"availability":[{"day":"tue","start":"09:00","end":"13:00"}],"location":{"lat":51.4452,"lon":-0.0181},"travelKm":2}}}"#
    static let helpersAfterUpsert =
        #"{"jsonrpc":"2.0","id":6,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"accompanying","when":[{"day":"tue","start":"10:00","end":"12:00"}]}}}"#
    static let outcome =
        #"{"jsonrpc":"2.0","id":15,"method":"outcome.record","params":{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"completed":true,"wellbeingBefore":0.4,"wellbeingAfter":0.6}}"#
    /// One outcome is too few to calibrate from.
    static let calibrate = #"{"jsonrpc":"2.0","id":16,"method":"weights.calibrate","params":{"profile":"referral"}}"#
    static let batch =
        #"[{"jsonrpc":"2.0","id":7,"method":"server.health"},{"jsonrpc":"2.0","method":"server.health"},{"jsonrpc":"2.0","id":8,"method":"nope"}]"#
    static let notification = #"{"jsonrpc":"2.0","method":"server.health"}"#

    /// One request per error code, with the code it must get.
    static let errors: [(line: String, code: Int)] = [
        ("this is not json", -32700),
        (#"{"jsonrpc":"1.0","id":10,"method":"server.health"}"#, -32600),
        (#"{"jsonrpc":"2.0","id":11,"method":"no.such.method"}"#, -32601),
        (#"{"jsonrpc":"2.0","id":12,"method":"match.opportunities","params":{"member":"m-bee","limit":0}}"#, -32602),
        (#"{"jsonrpc":"2.0","id":13,"method":"match.opportunities","params":{"member":"m-nobody"}}"#, -32001),
        (#"{"jsonrpc":"2.0","id":14,"method":"activity.remove","params":{"id":"a-ghost"}}"#, -32002),
    ]

    /// A request line padded to `bytes` bytes (over the limit when `bytes` is).
    static func padded(to bytes: Int, id: Int = 20) -> String {
        let head = #"{"jsonrpc":"2.0","id":\#(id),"method":"server.health","params":{"pad":""#
        let tail = #""}}"#
        return head + String(repeating: "x", count: max(0, bytes - head.utf8.count - tail.utf8.count)) + tail
    }
}

/// Checks an answer to ``Requests`` against what the engine says for `ScenarioCast.community`.
enum Answers {
    /// The first match's id in a Ranking answer.
    static func firstMatch(_ response: JSONValue) -> String? {
        response["result"]?["matches"]?[0]?["id"]?.string
    }
}
