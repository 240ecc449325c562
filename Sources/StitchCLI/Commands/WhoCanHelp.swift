import ArgumentParser
import StitchApplication
import Foundation
import StitchEngine
import StitchModel

/// `stitch who-can-help`: a broker's look-up of members who can help with a request.
struct WhoCanHelp: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "who-can-help",
        abstract: "Members who can help with a request, best first, with reasons.",
        discussion: """
            Examples:
              stitch who-can-help --demo --requester m-arthur --skill "accompany to hospital" --when "tue 10:00-12:00"
              stitch who-can-help --demo --requester m-winifred --skill "accompany to hospital" --when "2026-12-15 10:00-12:00"
              stitch who-can-help --skill shopping --at 51.4452,-0.0209 --dbs --json
              stitch who-can-help --db stitch.sqlite --request '{"requester":"m-nikhil","skill":"diabetes peer support"}'
            """)

    @OptionGroup var input: CommunityOptions
    @OptionGroup var ranking: RankingOptions

    @Option(help: "The member asking (omit for a member of the public, then give --at).")
    var requester: String?
    @Option(help: "The help wanted: a taxonomy id, a synonym or free text.")
    var skill: String?
    @Option(
        name: .customLong("when"),
        help: ArgumentHelp(
            "When help is wanted, e.g. \"tue 10:00-12:00\", \"tues 10-12\", \"Tuesdays 2pm-4pm\", or one day: \"2026-12-15 10:00-12:00\" (repeatable).",
            valueName: "time"),
        transform: TimeArgument.parse)
    var when: [TimeArgument] = []
    @Flag(name: .customLong("at-home"), help: "The helper comes to the requester's home.")
    var atHome = false
    @Flag(name: .customLong("dbs"), help: "Only helpers with an enhanced DBS check in date.")
    var requiresDBS = false
    @Option(
        name: .customLong("dbs-level"),
        help: ArgumentHelp("Only helpers with a DBS check in date of this level or above: basic, standard or enhanced.", valueName: "level"),
        transform: { text in
            guard let level = DBSLevel(rawValue: text.lowercased()) else {
                throw ArgumentParser.ValidationError(DBSLevel.unknownNameReason(text, kind: "DBS level"))
            }
            return level
        })
    var dbsLevel: DBSLevel?
    @Flag(help: "The requester accepts an interpreter: helpers sharing no language are kept.")
    var interpreter = false
    @Option(
        help: ArgumentHelp("The day help is wanted, YYYY-MM-DD: DBS checks are judged on it (default the reference date).", valueName: "date"),
        transform: { text in
            guard let date = CalendarDate(parsing: text) else { throw ValidationError("'\(text)' is not a date; expected YYYY-MM-DD") }
            return date
        })
    var date: CalendarDate?
    @Option(
        name: .customLong("helper-gender"),
        help: ArgumentHelp(
            "The gender asked for in the helper, at home or for personal help: woman, man or non-binary (default the requester's own preference).",
            valueName: "gender"))
    var helperGenderWord: String?

    /// The `--helper-gender` word read; a word outside the list is refused without repeating it.
    var helperGender: Gender? { helperGenderWord.flatMap(Gender.init(word:)) }

    func validate() throws {
        if let helperGenderWord, Gender(word: helperGenderWord) == nil {
            throw ArgumentParser.ValidationError("--helper-gender: \(Gender.refusal)")
        }
    }
    @Option(
        name: .customLong("at"), help: ArgumentHelp("Where help is wanted, as lat,lon.", valueName: "lat,lon"),
        transform: LocationArgument.parse)
    var location: LocationArgument?
    @Option(help: ArgumentHelp("The whole request as protocol JSON (instead of the options above).", valueName: "json"))
    var request: String?

    func run() async throws {
        let helpRequest: HelpRequest
        if let request {
            helpRequest = try JSONInput.decode(HelpRequest.self, from: Data(request.utf8), source: "--request", prefix: "request")
        } else {
            guard let skill else { throw CLIError.usage("give --skill (or --request)") }
            guard requester != nil || location != nil else { throw CLIError.usage("give --requester or --at") }
            helpRequest = HelpRequest(
                requester: requester, skill: skill, when: when.compactMap(\.weekly), atHome: atHome, requiresDBS: requiresDBS,
                location: location?.location, dbsLevel: dbsLevel, interpreter: interpreter, date: date,
                whenDated: when.compactMap(\.dated), helperGender: helperGender)
        }
        let service = try input.service()
        let result = try await answering { () async throws(ServiceError) in
            try await service.whoCanHelp(MethodParams.Helpers(request: helpRequest, limit: ranking.limit, profile: ranking.profile))
        }
        let who = helpRequest.requester.map { " for \($0)" } ?? ""
        print(input.json ? try RankingPrinter.json(result) : RankingPrinter.table(result, title: "Who can help with \(helpRequest.skill)\(who)?"))
    }
}
