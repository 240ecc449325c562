@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

@testable import StitchRPC

/// A daemon in process: a store on a file, a service that stores every write in it, and the
/// dispatcher in front, driven a line at a time as a transport would.
struct DaemonHarness {
    let store: SQLiteCommunityStore
    let service: StitchService
    let dispatcher: RPCDispatcher

    /// Starts as `stitch serve` does: from the stored community, or from `initial` imported
    /// into an empty database.
    init(path: String, initial: @autoclosure () throws -> Community = try Fixtures.lewisham) throws {
        store = try SQLiteCommunityStore(path: path, exclusive: true)
        let community: Community
        if try store.hasCommunity() {
            community = try store.load()
        } else {
            community = try initial()
            try store.replaceAll(community)
        }
        service = try StitchService(
            community: community, taxonomy: try Fixtures.taxonomy, configuration: try store.configuration(),
            outcomes: try store.loadOutcomes(), persistence: store, referrals: try store.loadReferrals(),
            dismissals: try store.loadDismissals(), asks: try store.loadAsks(), pairings: try store.loadPairings())
        dispatcher = RPCDispatcher(service: service)
    }

    /// Sends a line; returns the raw response line.
    @discardableResult
    func send(_ line: String) async -> String {
        guard let data = await dispatcher.handle(line: Data(line.utf8)) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends a line; returns the response with its object keys sorted, so that two answers can
    /// be compared byte for byte (the daemon does not promise an order of keys).
    func sendCanonical(_ line: String) async throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(await send(line).utf8))
        return String(
            decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Sends a request built from a method and params (JSON text); returns the response object.
    func call(_ method: String, _ params: String = "{}", id: Int = 1) async throws -> [String: Any] {
        let line = await send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// The error code of a response, `nil` for a result.
    static func errorCode(_ response: [String: Any]) -> Int? { (response["error"] as? [String: Any])?["code"] as? Int }
}
