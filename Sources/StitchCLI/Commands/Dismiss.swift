import ArgumentParser
import Foundation
import StitchApplication
import StitchModel

/// `stitch dismiss`: a broker's "not this one", kept in the database and honoured by every
/// query for the subject until it lapses (the same use case as the daemon's `match.dismiss`).
struct Dismiss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stop offering a helper or an activity to a person: for good, or until a day.",
        discussion: """
            The subject is the member (or a referral's person) the answers are for; the candidate a helper
            member or an activity. Every query for the subject then leaves the candidate out, counted under
            `dismissed`, and `stitch explain` says when and why. Take it back with `stitch undismiss`.

            Examples:
              stitch dismiss --subject m-arthur --candidate m-jade --reason "did not get on" --until 2027-03-01
              stitch undismiss --subject m-arthur --candidate m-jade
              stitch dismissals --subject m-arthur
            """)

    @OptionGroup var input: CommunityOptions
    @Option(help: "The member or referred person the answers are for.")
    var subject: String
    @Option(help: "The helper member or activity not to offer them.")
    var candidate: String
    @Option(help: ArgumentHelp("Why, in the broker's words (kept, never logged).", valueName: "words"))
    var reason: String?
    @Option(help: ArgumentHelp("The last day it holds (default: for good).", valueName: "YYYY-MM-DD"))
    var until: String?
    @Option(help: ArgumentHelp("The day it was made (default: today).", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() async throws {
        let dismissal = Dismissal(
            subject: subject, candidate: candidate, reason: reason, until: try until.map(ReferralCommand.day),
            date: try date.map(ReferralCommand.day))
        let kept = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.dismiss(dismissal) }
        if input.json {
            print(try RankingPrinter.json(kept))
        } else {
            let lasting = kept.until.map { "until \($0)" } ?? "for good"
            print("Dismissed \(kept.candidate) for \(kept.subject) \(lasting) (made \(kept.date.map(\.description) ?? "today"))")
        }
    }
}

/// `stitch undismiss`: takes a dismissal back (`match.undismiss`).
struct Undismiss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take a dismissal back: offer the candidate to the person again.")

    @OptionGroup var input: CommunityOptions
    @Option(help: "The member or referred person the answers are for.")
    var subject: String
    @Option(help: "The helper member or activity dismissed.")
    var candidate: String

    func run() async throws {
        let params = MethodParams.Undismiss(subject: subject, candidate: candidate)
        let answer = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.undismiss(params) }
        let text = answer.removed ? "\(candidate) is offered to \(subject) again" : "\(candidate) was not dismissed for \(subject): nothing changed"
        print(input.json ? try RankingPrinter.json(answer) : text)
    }
}

/// `stitch dismissals`: the dismissals kept (`match.dismissals`).
struct Dismissals: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the dismissals kept, of one person or everyone.")

    @OptionGroup var input: CommunityOptions
    @Option(help: "Only this person's.")
    var subject: String?

    func run() async throws {
        let params = MethodParams.Dismissals(subject: subject)
        let list = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.listDismissals(params) }
        if input.json {
            print(try RankingPrinter.json(list))
            return
        }
        guard !list.dismissals.isEmpty else { return print("No dismissals") }
        for d in list.dismissals {
            var line = "\(d.subject)  \(d.candidate)  made \(d.date.map(\.description) ?? "-")  "
            line += d.until.map { "until \($0)" } ?? "for good"
            if !d.active { line += " (lapsed)" }
            if let reason = d.reason { line += ": \(reason)" }
            print(line)
        }
    }
}
