import ArgumentParser
import Foundation
import StitchApplication
import StitchModel

/// `stitch pairing`: ongoing pairings of a helper (or buddy) with a person, for one kind of help
/// (the same use cases as the daemon's `pairing.start`, `pairing.review`, `pairing.end` and
/// `pairing.list`).
struct PairingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pairing",
        abstract: "Keep ongoing pairings: a helper who helps a person every week comes first for them.",
        discussion: """
            While a pairing holds (from its start through its review day) the paired helper comes first in the
            person's answers of its kind ("Already helps them every week"), unless a hard constraint rules them
            out, however often they are asked. The kind is a skill, or `buddy` for going along to activities.

            Examples:
              stitch pairing start --person m-arthur --helper m-jade --kind shopping --review 2027-01-05
              stitch pairing review --person m-arthur --kind shopping --review 2027-04-05
              stitch pairing end --person m-arthur --kind shopping
              stitch pairing list --person m-arthur
            """,
        subcommands: [Start.self, Review.self, End.self, List.self])

    /// `stitch pairing start` (`pairing.start`).
    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a pairing (replacing the person's pairing of the same kind).")

        @OptionGroup var input: CommunityOptions
        @OptionGroup var key: PairingKey
        @Option(help: "The helper member (or buddy).")
        var helper: String
        @Option(help: ArgumentHelp("The first day (default: today).", valueName: "YYYY-MM-DD"))
        var start: String?
        @Option(help: ArgumentHelp("The day to review it by (default: 90 days after the start).", valueName: "YYYY-MM-DD"))
        var review: String?

        func run() async throws {
            let pairing = Pairing(
                person: key.person, helper: helper, kind: key.kind, start: try start.map { try ReferralCommand.day($0, option: "--start") },
                review: try review.map { try ReferralCommand.day($0, option: "--review") })
            let kept = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.startPairing(pairing) }
            print(input.json ? try RankingPrinter.json(kept) : PairingCommand.line(kept))
        }
    }

    /// `stitch pairing review` (`pairing.review`).
    struct Review: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Review a pairing and keep it on to a new review day.")

        @OptionGroup var input: CommunityOptions
        @OptionGroup var key: PairingKey
        @Option(help: ArgumentHelp("The new review day.", valueName: "YYYY-MM-DD"))
        var review: String

        func run() async throws {
            let params = MethodParams.PairingReview(person: key.person, kind: key.kind, review: try ReferralCommand.day(review, option: "--review"))
            let kept = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.reviewPairing(params) }
            print(input.json ? try RankingPrinter.json(kept) : PairingCommand.line(kept))
        }
    }

    /// `stitch pairing end` (`pairing.end`).
    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a pairing.")

        @OptionGroup var input: CommunityOptions
        @OptionGroup var key: PairingKey

        func run() async throws {
            let params = MethodParams.PairingEnd(person: key.person, kind: key.kind)
            let answer = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.endPairing(params) }
            let text = answer.removed
                ? "Ended the pairing of \(key.person) for \(key.kind)" : "\(key.person) had no pairing for \(key.kind): nothing changed"
            print(input.json ? try RankingPrinter.json(answer) : text)
        }
    }

    /// `stitch pairing list` (`pairing.list`).
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the pairings kept, of one person or helper, or everyone.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "Only this person's.")
        var person: String?
        @Option(help: "Only this helper's.")
        var helper: String?

        func run() async throws {
            let params = MethodParams.Pairings(person: person, helper: helper)
            let list = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.listPairings(params) }
            if input.json { return print(try RankingPrinter.json(list)) }
            guard !list.pairings.isEmpty else { return print("No pairings") }
            for p in list.pairings {
                let days = "\(p.start.map(\.description) ?? "-") to review \(p.review.map(\.description) ?? "-")"
                print("\(p.person)  \(p.helper)  \(p.kind)  \(days)\(p.active ? "" : " (not in force)")")
            }
        }
    }

    /// The options that name one pairing, a person and a kind (one pairing per person and kind),
    /// shared by `start`, `review` and `end`.
    struct PairingKey: ParsableArguments {
        @Option(help: "The member or referred person helped.")
        var person: String
        @Option(help: ArgumentHelp("The skill the helper helps with, or buddy.", valueName: "kind"))
        var kind: String
    }

    /// One pairing, as the commands that keep one print it.
    static func line(_ p: Pairing) -> String {
        "Paired \(p.helper) with \(p.person) for \(p.kind) from \(p.start.map(\.description) ?? "today"), review by \(p.review.map(\.description) ?? "-")"
    }
}
