import Foundation
import GRDB
import StitchTestSupport
import Testing

@testable import StitchStore

/// The real daemon keeps the text model's vectors in its database: started again on the same
/// database it loads them instead of embedding the community's terms again, and answers exactly
/// as before.
@Suite("Text vectors survive a restart")
struct TextVectorRestartTests {
    static let modelFile = Fixtures.root.appendingPathComponent("models/all-MiniLM-L6-v2/model.safetensors")

    static let health = #"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#
    /// Free text, not a taxonomy term: only the model can match it.
    static let freeText =
        #"{"jsonrpc":"2.0","id":2,"method":"match.helpers","params":{"request":{"requester":"m-arthur","skill":"someone to help sort out my overgrown garden"},"limit":10}}"#

    /// One run of `stitch serve --stdio --db path`: the seconds until it answered its first
    /// request, the free-text request's `result`, and its log.
    private func run(_ path: String) throws -> (seconds: Double, result: String, log: String) {
        let clock = ContinuousClock()
        let start = clock.now
        let daemon = try DaemonProcess(["--db", path], meaning: true)
        daemon.send(Self.health)
        let first = daemon.waitForResponses(1, timeout: .seconds(300))
        let ready = clock.now - start
        try #require(first.count == 1, "no answer: \(daemon.log)")
        daemon.send(Self.freeText)
        let responses = daemon.waitForResponses(2, timeout: .seconds(120))
        try #require(responses.count == 2, "no answer: \(daemon.log)")
        #expect(daemon.stop() == 0)
        return (Double(ready / .milliseconds(1)) / 1000, try Self.result(of: responses[1]), daemon.log)
    }

    /// The `result` of a response line, its keys sorted.
    static func result(of line: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let result = try #require(object["result"], "an error: \(line)")
        return String(decoding: try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys]), as: UTF8.self)
    }

    /// How many vectors the log says were loaded.
    static func loaded(in log: String) -> Int? {
        guard let range = log.range(of: #"loaded (\d+) text vectors"#, options: .regularExpression) else { return nil }
        return Int(log[range].split(separator: " ")[1])
    }

    @Test func aSecondStartLoadsTheVectorsAndAnswersTheSame() throws {
        try #require(
            FileManager.default.fileExists(atPath: Self.modelFile.path), "the text model is not installed: run `make models`")
        let file = try TemporaryStore()
        // The bundled community, stored without vectors, as `stitch import` leaves it.
        do {
            let store = try file.open()
            try store.replaceAll(try Fixtures.lewisham)
            try store.closeAndCheckpoint()
        }
        let first = try run(file.path)
        #expect(Self.loaded(in: first.log) == 0, "\(first.log)")
        #expect(first.log.contains("kept "), "\(first.log)")
        let store = try file.open()
        let models = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT model FROM text_vectors") }
        #expect(models.count == 1 && models[0].hasPrefix("all-MiniLM-L6-v2@") && models[0].count == "all-MiniLM-L6-v2@".count + 16)
        let stored = try store.vectorCount(model: try #require(models.first))
        try store.closeAndCheckpoint()
        #expect(stored > 0)

        let second = try run(file.path)
        let loaded = try #require(Self.loaded(in: second.log), "\(second.log)")
        #expect(loaded > 0 && loaded == stored)
        #expect(second.result == first.result)
        #expect(!second.result.isEmpty && second.result.contains("\"matches\""))
        print(
            String(
                format: "text vectors: first start %.2f s (embedding), second start %.2f s (%d vectors loaded)",
                first.seconds, second.seconds, loaded))
    }
}
