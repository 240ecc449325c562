import Foundation
import StitchModel
import StitchStore
import StitchTestSupport
import Testing

/// `stitch serve --stdio` stopped by SIGTERM mid-stream, or by the end of its input: it exits 0,
/// its write-ahead log is folded into the database file, and every acknowledged write is there.
@Suite("A clean stop folds the log", .serialized)
struct CleanStopTests {
    static func walBytes(_ file: TemporaryStore) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: file.path + "-wal")[.size] as? Int) ?? 0
    }

    static func upserts(_ count: Int, tag: String) -> [String] {
        (0..<count).map { i in
            #"{"jsonrpc":"2.0","id":\#(i),"method":"member.upsert","params":{"member":{"id":"m-stop-\#(tag)-\#(i)","offers":["befriending"],"location":{"lat":51.44,"lon":-0.02}}}}"#
        }
    }

    @Test(arguments: 1...3)
    func sigtermMidStreamExitsZeroWithTheLogFolded(trial: Int) throws {
        let file = try TemporaryStore()
        let daemon = try DaemonProcess(["--db", file.path])
        daemon.stream(Self.upserts(400, tag: "\(trial)"))
        _ = daemon.waitForResponses(40 * trial)
        #expect(daemon.terminate() == 0, "\(daemon.log)")
        let answered = daemon.responses.count
        #expect(Self.walBytes(file) == 0, "the log is folded (trial \(trial))")
        #expect(daemon.log.contains("database closed"), "\(daemon.log)")
        let stored = try file.open().load()
        let ids = Set(stored.members.map(\.id))
        #expect((0..<answered).allSatisfy { ids.contains("m-stop-\(trial)-\($0)") }, "every answered write is stored")
    }

    @Test func theEndOfInputFoldsTheLog() throws {
        let file = try TemporaryStore()
        let daemon = try DaemonProcess(["--db", file.path])
        for line in Self.upserts(20, tag: "eof") { _ = daemon.send(line) }
        _ = daemon.waitForResponses(20)
        #expect(daemon.stop() == 0)
        #expect(Self.walBytes(file) == 0)
    }
}
