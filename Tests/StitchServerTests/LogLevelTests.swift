import Foundation
import StitchTestSupport
import Testing

/// `stitch serve` logs through swift-log in one format, at the level `--log-level` or
/// `STITCH_LOG_LEVEL` asks for.
@Suite("stitch serve's log: one format, a level to tune")
struct LogLevelTests {
    let health = Data(#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#.utf8 + [0x0A])

    func serve(_ extra: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        let db = try CommandRunner.temporaryFile(Data(), name: "unused").replacingOccurrences(of: "unused", with: "s.sqlite")
        return try CommandRunner().run(["serve", "--stdio", "--db", db] + extra, environment: environment, input: health)
    }

    @Test func infoByDefaultInOneFormat() throws {
        let r = try serve([])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains { $0.contains(" info stitch.serve: ") && $0.contains("serving 0 members") }, "\(r.stderr)")
        #expect(lines.allSatisfy { $0.contains(" info ") || $0.contains(" notice ") || $0.contains(" warning ") }, "\(r.stderr)")
        #expect(r.stdout.contains(#""status":"ok""#))
    }

    @Test func aHigherLevelQuietensIt() throws {
        for r in [try serve(["--log-level", "warning"]), try serve([], environment: ["STITCH_LOG_LEVEL": "error"])] {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(!r.stderr.contains("serving"), "\(r.stderr)")
            #expect(r.stdout.contains(#""status":"ok""#), "answers are not logs")
        }
        let flagWins = try serve(["--log-level", "info"], environment: ["STITCH_LOG_LEVEL": "error"])
        #expect(flagWins.stderr.contains("serving"))
    }

    @Test func anUnknownLevelIsRefusedWithTheLevels() throws {
        let env = try serve([], environment: ["STITCH_LOG_LEVEL": "loud"])
        #expect(env.status != 0 && env.stderr.contains("trace, debug, info, notice, warning, error, critical"), "\(env.stderr)")
        let flag = try serve(["--log-level", "loud"])
        #expect(flag.status != 0 && flag.stderr.contains("--log-level"), "\(flag.stderr)")
    }
}
