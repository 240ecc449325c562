import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchStore

/// `stitch referral`: social-prescribing referrals kept in the database, followed up and
/// summed up for the GP (docs/referrals.md). Each subcommand calls the same use case as the
/// daemon's `referral.*` method.
struct ReferralCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: "Keep social-prescribing referrals: make one, move it along, list who needs a call, write back to the GP.",
        discussion: """
            Examples:
              stitch referral create --person m-maud --reason "lonely since her husband died" --practice G85016 --role gp --consent
              stitch referral status r-1 contacted --by "Ann (link worker)"
              stitch referral status r-1 declined --note "prefers to wait until spring"
              stitch referral due
              stitch referral list --practice G85016 --status offered
              stitch referral show r-1
              stitch referral wellbeing r-1 --when before --swemwbs 2,3,2,3,2,3,3 --ons4 4,5,4,7
              stitch referral wellbeing r-1 --when after --swemwbs 3,4,3,4,3,4,4 --ons4 6,7,6,4
              stitch referral message r-1
              stitch referral report --practice G85016 --csv > report.csv
              stitch referral report --plot referrals.png
            """,
        subcommands: [Create.self, Status.self, Show.self, List.self, Due.self, Wellbeing.self, Message.self, Report.self])

    /// The service over the database, a use case run on it, and the store closed afterwards.
    static func run<T: Sendable>(
        _ input: CommunityOptions, _ body: (StitchService) async throws(ServiceError) -> T
    ) async throws -> T {
        let (service, store) = try input.writableService()
        defer { try? store.closeAndCheckpoint() }
        return try await answering { () async throws(ServiceError) in try await body(service) }
    }

    /// One referral, as a link worker reads it.
    static func describe(_ record: ReferralRecord) -> String {
        var lines = ["Referral \(record.id) for \(record.person.id), made \(record.date): \(record.status.rawValue)"]
        if let referrer = record.referrer {
            let parts = [referrer.name, referrer.role, referrer.practice].compactMap { $0 }
            if !parts.isEmpty { lines.append("  referred by \(parts.joined(separator: ", "))") }
        }
        if let consent = record.consent {
            lines.append("  consent \(consent.given ? "given" : "not given")\(consent.date.map { " on \($0)" } ?? "")")
        }
        if !record.needs.isEmpty { lines.append("  needs: \(record.needs.joined(separator: ", "))") }
        if record.offered.isEmpty {
            lines.append("  offered: nothing matched")
        } else {
            lines.append("  offered:")
            for offer in record.offered {
                let buddy = offer.buddy.map { ", buddy \($0)" } ?? ""
                lines.append("    \(offer.name ?? offer.activity) (\(offer.activity), score \(String(format: "%.2f", offer.score))\(buddy))")
            }
        }
        if !record.oneToOne.isEmpty {
            lines.append("  One-to-one:")
            for offer in record.oneToOne {
                lines.append(
                    "    \(offer.name ?? offer.member) (\(offer.member), \(offer.support.giver.lowercased()), score \(String(format: "%.2f", offer.score)))")
            }
        }
        lines.append("  history:")
        for change in record.history {
            var line = "    \(change.date) \(change.status.rawValue)"
            if let activity = change.activity { line += " at \(activity)" }
            if let by = change.by { line += " by \(by)" }
            if let note = change.note { line += ": \(note)" }
            lines.append(line)
        }
        for entry in record.wellbeing {
            let outcome = StitchService.wellbeingOutcome(of: entry, in: record)
            lines.append("  \(outcome.text)")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ summaries: [MethodResults.ReferralSummary], empty: String) -> String {
        guard !summaries.isEmpty else { return empty }
        return summaries.map { summary in
            var line = "\(summary.id)  \(summary.person)  \(summary.status.rawValue) since \(summary.since)"
            if let next = summary.nextCall, let why = summary.why { line += "  call by \(next): \(why)" }
            return line
        }.joined(separator: "\n")
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a referral: rank activities (with buddies) for the person and keep what was offered.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "The referral's id (default: the next of r-1, r-2, …).")
        var id: String?
        @Option(help: "The referred member's id.")
        var person: String
        @Option(help: ArgumentHelp("Why, in the referrer's words.", valueName: "words"))
        var reason: String?
        @Option(help: ArgumentHelp("The day it was made (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?
        @Option(help: "The referrer's name.")
        var referrerName: String?
        @Option(help: "The referrer's role: gp, link-worker, nurse, self…")
        var role: String?
        @Option(help: "The practice's ODS code.")
        var practice: String?
        @Flag(help: "The person gave consent (on the referral's date).")
        var consent = false
        @Option(help: "An interest for this referral (repeatable).")
        var interest: [String] = []
        @Option(help: ArgumentHelp("Five Ways goals, e.g. connect=1,takeNotice=0.5.", valueName: "goals"), transform: GoalsArgument.parse)
        var goals: GoalsArgument?
        @Option(name: .shortAndLong, help: "How many activities to offer (1-1000).")
        var limit = StitchService.defaultOffers
        @Option(help: "Who is making it (kept in its history).")
        var by: String?

        func run() async throws {
            let day = try date.map(ReferralCommand.day)
            let referrer = referrerName == nil && role == nil && practice == nil ? nil : Referrer(name: referrerName, role: role, practice: practice?.uppercased())
            let params = MethodParams.CreateReferral(
                referral: .init(
                    id: id, person: .id(person), referrer: referrer, date: day, reason: reason,
                    consent: consent ? Consent(given: true, date: day) : nil, goals: goals?.goals, interests: interest),
                limit: limit, by: by)
            if let practice, !Referrer.isODSCode(practice.uppercased()) {
                throw CLIError.usage("--practice \(practice) is not an ODS code; expected 3 to 10 letters and digits, such as G85016")
            }
            let record = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.createReferral(params) }
            print(input.json ? try RankingPrinter.json(record) : ReferralCommand.describe(record))
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a referral to a new status: contacted, offered, attending, completed, declined, did-not-attend or closed.")

        @OptionGroup var input: CommunityOptions
        @Argument(help: "The referral's id.")
        var id: String
        @Argument(help: "The new status.")
        var status: String
        @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?
        @Option(help: "Why (needed for declined, did-not-attend and closed).")
        var note: String?
        @Option(help: "Who made the change.")
        var by: String?
        @Option(help: "The activity the person chose or went to.")
        var activity: String?

        func run() async throws {
            let params = MethodParams.UpdateReferralStatus(
                id: id, status: status, date: try date.map(ReferralCommand.day), note: note, by: by, activity: activity)
            let record = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.updateReferralStatus(params) }
            print(input.json ? try RankingPrinter.json(record) : ReferralCommand.describe(record))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A referral with its dated status history.")

        @OptionGroup var input: CommunityOptions
        @Argument(help: "The referral's id.")
        var id: String

        func run() async throws {
            let record = try await ReferralCommand.run(input) { service throws(ServiceError) in
                try await service.getReferral(MethodParams.RemoveByID(id: id))
            }
            print(input.json ? try RankingPrinter.json(record) : ReferralCommand.describe(record))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Referrals, filtered by practice, status, due for a call, or date.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "Only this practice's (its ODS code).")
        var practice: String?
        @Option(help: "Only those in this status.")
        var status: String?
        @Flag(help: "Only those due for a call (by --date, default today).")
        var due = false
        @Option(help: ArgumentHelp("The day to count calls due by (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?
        @Option(help: ArgumentHelp("Only those made on or after this day.", valueName: "YYYY-MM-DD"))
        var from: String?
        @Option(help: ArgumentHelp("Only those made on or before this day.", valueName: "YYYY-MM-DD"))
        var to: String?

        func run() async throws {
            let params = MethodParams.ListReferrals(
                practice: practice?.uppercased(), status: status, due: due, date: try date.map(ReferralCommand.day),
                from: try from.map(ReferralCommand.day), to: try to.map(ReferralCommand.day))
            let list = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.listReferrals(params) }
            print(input.json ? try RankingPrinter.json(list) : ReferralCommand.describe(list.referrals, empty: "No referrals match."))
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who needs a call today (or by --date), and why, most overdue first.")

        @OptionGroup var input: CommunityOptions
        @Option(help: ArgumentHelp("The day (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?

        func run() async throws {
            let params = MethodParams.DueReferrals(date: try date.map(ReferralCommand.day))
            let due = try await ReferralCommand.run(input) { service throws(ServiceError) in await service.dueReferrals(params) }
            print(input.json ? try RankingPrinter.json(due) : ReferralCommand.describe(due.due, empty: "Nobody needs a call by \(due.date)."))
        }
    }

    struct Wellbeing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record SWEMWBS and ONS4 on a referral, before or after; prints the change against each measure's minimal important difference.")

        @OptionGroup var input: CommunityOptions
        @Argument(help: "The referral's id.")
        var id: String
        @Option(help: "before (at referral or first contact) or after (at follow-up).")
        var when: String
        @Option(help: ArgumentHelp("The seven SWEMWBS answers, each 1 to 5, in the scale's order.", valueName: "a,b,c,d,e,f,g"))
        var swemwbs: String?
        @Option(help: ArgumentHelp("The four ONS4 answers, each 0 to 10: satisfied, worthwhile, happy, anxious.", valueName: "s,w,h,a"))
        var ons4: String?
        @Option(help: "The activity the scores speak to (default: the one the person chose).")
        var activity: String?
        @Option(help: ArgumentHelp("The day they were taken (default: today).", valueName: "YYYY-MM-DD"))
        var date: String?

        func run() async throws {
            var scores: [String: Any] = [:]
            if let date { scores["date"] = date }
            if let swemwbs { scores["swemwbs"] = try Self.numbers(swemwbs, option: "--swemwbs") }
            if let ons4 {
                let answers = try Self.numbers(ons4, option: "--ons4")
                guard answers.count == 4 else {
                    throw CLIError.usage("--ons4 takes four answers (satisfied, worthwhile, happy, anxious), not \(answers.count)")
                }
                scores["ons4"] = Dictionary(uniqueKeysWithValues: zip(["satisfied", "worthwhile", "happy", "anxious"], answers))
            }
            var fields: [String: Any] = ["id": id, "when": when, "scores": scores]
            if let activity { fields["activity"] = activity }
            let data = try JSONSerialization.data(withJSONObject: fields)
            let outcome = try await ReferralCommand.run(input) { service throws(ServiceError) in
                try await service.recordWellbeing(MethodParams.decode(MethodParams.RecordWellbeing.self, from: data))
            }
            print(input.json ? try RankingPrinter.json(outcome) : outcome.text)
        }

        /// Comma-separated numbers, or a usage error naming the option.
        static func numbers(_ text: String, option: String) throws -> [Double] {
            try text.split(separator: ",", omittingEmptySubsequences: false).map { part in
                let trimmed = part.trimmingCharacters(in: .whitespaces)
                guard let value = Double(trimmed), value.isFinite else {
                    throw CLIError.usage("\(option): '\(trimmed)' is not a number; write the answers separated by commas, such as 3,4,3,4,3,3,4")
                }
                return value
            }
        }
    }

    struct Message: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The message back to the GP: what was offered, what the person chose, where it stands, with its SNOMED CT codes.")

        @OptionGroup var input: CommunityOptions
        @Argument(help: "The referral's id.")
        var id: String

        func run() async throws {
            let message = try await ReferralCommand.run(input) { service throws(ServiceError) in
                try await service.referralMessage(MethodParams.RemoveByID(id: id))
            }
            print(input.json ? try RankingPrinter.json(message) : message.text)
        }
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Referrals by status, need and practice; uptake, completion, time to first contact; activities offered, chosen, full or unused.")

        @OptionGroup var input: CommunityOptions
        @Option(help: "Only this practice's (its ODS code).")
        var practice: String?
        @Option(help: ArgumentHelp("Only those made on or after this day.", valueName: "YYYY-MM-DD"))
        var from: String?
        @Option(help: ArgumentHelp("Only those made on or before this day.", valueName: "YYYY-MM-DD"))
        var to: String?
        @Flag(help: "Print CSV (section,key,value) instead of text.")
        var csv = false
        @Option(help: ArgumentHelp("Also draw the referrals by status as a PNG here (with gnuplot).", valueName: "path"))
        var plot: String?

        func run() async throws {
            let params = MethodParams.ReferralReport(
                practice: practice?.uppercased(), from: try from.map(ReferralCommand.day), to: try to.map(ReferralCommand.day))
            let report = try await ReferralCommand.run(input) { service throws(ServiceError) in try await service.referralReport(params) }
            if let plot { try ReferralReportWriter.plot(report, to: plot) }
            if input.json {
                print(try RankingPrinter.json(report))
            } else if csv {
                print(ReferralReportWriter.csv(report), terminator: "")
            } else {
                print(ReferralReportWriter.text(report))
            }
        }
    }

    /// A `YYYY-MM-DD` option, or a usage error naming it.
    static func day(_ text: String) throws -> CalendarDate { try day(text, option: nil) }

    /// The day an option gives, or a usage error naming the option (`--review: '2027-02-30' is
    /// not a date; write YYYY-MM-DD`).
    static func day(_ text: String, option: String?) throws -> CalendarDate {
        guard let date = CalendarDate(parsing: text) else {
            throw CLIError.usage((option.map { "\($0): " } ?? "") + "'\(text)' is not a date; write YYYY-MM-DD")
        }
        return date
    }
}
