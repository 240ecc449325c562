import ArgumentParser
import Foundation
import Logging
import Synchronization

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
        ProcessLogging.setLevel(try resolved())
    }
}

/// The process's one log format: swift-log's, on standard error (standard output carries the
/// answers: tables, `--json`, the protocols), installed before any command runs, so every line
/// of every command (the store's start-up notes among them) reads the same.
///
/// The level is `STITCH_LOG_LEVEL`, else `info`, until a command with `--log-level` sets its
/// own (``setLevel(_:)``) before it makes its first logger.
enum ProcessLogging {
    private static let level = Mutex(Logger.Level.info)

    /// Bootstraps swift-log: every logger made afterwards writes to standard error at the level
    /// in force when it is made.
    static func install() {
        let text = ProcessInfo.processInfo.environment["STITCH_LOG_LEVEL"]?.lowercased() ?? ""
        if let fromEnvironment = Logger.Level(rawValue: text) { setLevel(fromEnvironment) }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level.withLock { $0 }
            return handler
        }
    }

    /// The level of the loggers made from now on.
    static func setLevel(_ new: Logger.Level) {
        level.withLock { $0 = new }
    }
}
