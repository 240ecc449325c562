import ArgumentParser
import StitchApplication
import StitchEngine
import StitchModel

/// `stitch explain`: one pair's full breakdown.
struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain one pair: every constraint, every factor, the reasons.",
        discussion: """
            Examples:
              stitch explain --demo --subject m-kathy --candidate a-art-upstairs
              stitch explain --subject m-arthur --candidate m-colin --skill accompanying
              stitch explain --demo --subject m-mabel --candidate m-rita --support befriending
              stitch explain --demo --subject m-maud --candidate m-ada --activity a-knit-natter
              stitch explain --demo --subject m-winifred --candidate m-desmond --skill accompanying --when "2026-12-15 10:00-12:00"
            """)

    @OptionGroup var input: CommunityOptions

    @Option(help: "The person asking or referred.")
    var subject: String
    @Option(help: "A member or activity id.")
    var candidate: String
    @Option(help: "For a member candidate: the help in question.")
    var skill: String?
    @Option(help: "Weights profile: broker, referral or planning.")
    var profile: ScoringProfile?
    @Option(
        name: .customLong("when"),
        help: ArgumentHelp(
            "The times in question, weekly (\"tue 10:00-12:00\") or on one day (\"2026-12-15 10:00-12:00\") (repeatable).",
            valueName: "time"),
        transform: TimeArgument.parse)
    var when: [TimeArgument] = []
    @Option(help: "For a member candidate: explain them as one-to-one support of this kind (befriending, accompanying, peer-support).")
    var support: OneToOneSupport?
    @Option(help: "For a member candidate: explain them as the subject's buddy for this activity.")
    var activity: String?

    func run() async throws {
        let service = try input.service()
        let times = TimeList(weekly: when.compactMap(\.weekly), dated: when.compactMap(\.dated))
        let query = ExplainQuery(
            subject: .id(subject), candidate: candidate, skill: skill, profile: profile, when: times.isEmpty ? nil : times,
            support: support, activity: activity)
        let match = try await answering { () async throws(ServiceError) in try await service.explain(query) }
        print(input.json ? try RankingPrinter.json(match) : RankingPrinter.explanation(match, title: "\(subject) and \(candidate)"))
    }
}
