import ArgumentParser
import Foundation
import StitchApplication
import StitchModel

/// `stitch ask`: record that a broker asked a helper to help someone, and list the asks kept
/// (the same use cases as the daemon's `match.ask` and `match.asks`).
struct AskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Record that a helper was asked to help someone, or list the asks kept.",
        discussion: """
            Asks are weighed in the reciprocity factor's load term: a helper asked often lately, or asked and
            not yet met by an exchange, comes a little lower in the next answers, so asks are spread.

            Examples:
              stitch ask record --subject m-arthur --candidate m-jade
              stitch ask list --candidate m-jade
            """,
        subcommands: [Record.self, List.self])

    /// `stitch ask record`: keeps one ask (`match.ask`).
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record that a helper was asked to help someone.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "The member or referred person the help is for.")
        var subject: String
        @Option(help: "The helper member who was asked.")
        var candidate: String
        @Option(help: ArgumentHelp("The day of the ask (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?

        func run() async throws {
            let ask = Ask(subject: subject, candidate: candidate, date: try date.map { try ReferralCommand.day($0, option: "--date") })
            let kept = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.ask(ask) }
            print(input.json ? try RankingPrinter.json(kept) : "Asked \(kept.candidate) for \(kept.subject) on \(kept.date.map(\.description) ?? "today")")
        }
    }

    /// `stitch ask list`: the asks kept (`match.asks`).
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the asks kept, newest first, of one person or helper, or everyone.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "Only the asks for this person.")
        var subject: String?
        @Option(help: "Only the asks of this helper.")
        var candidate: String?

        func run() async throws {
            let params = MethodParams.Asks(subject: subject, candidate: candidate)
            let list = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.listAsks(params) }
            if input.json { return print(try RankingPrinter.json(list)) }
            guard !list.asks.isEmpty else { return print("No asks") }
            for ask in list.asks {
                print("\(ask.date.map(\.description) ?? "-")  \(ask.candidate) for \(ask.subject)\(ask.pending ? "  (pending)" : "")")
            }
        }
    }
}
