import ArgumentParser
import Foundation
import Logging

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `--log-level` (else `STITCH_LOG_LEVEL`, else `info`): how much `stitch serve` says on standard
/// error. Every line goes through swift-log in one format (time, level, label, message), from the
/// command, the application layer and the server alike.
struct LogLevelOption: ParsableArguments {
    @Option(
        name: .customLong("log-level"),
        help: ArgumentHelp(
            "What to log: trace, debug, info, notice, warning, error or critical (default: $STITCH_LOG_LEVEL, else info).",
            valueName: "level"))
    var level: Logger.Level?

    /// The level asked for, or why the environment's is refused.
    func resolved() throws -> Logger.Level {
        if let level { return level }
        guard let text = ProcessInfo.processInfo.environment["STITCH_LOG_LEVEL"], !text.isEmpty else { return .info }
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("STITCH_LOG_LEVEL='\(text)' is not a log level; use one of \(levels)")
        }
        return level
    }

    /// Sends every logger of the process to standard error at the level asked for. Called once,
    /// before anything logs.
    func bootstrap() throws {
        let level = try resolved()
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
