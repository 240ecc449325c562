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

    func run() async throws {
        let service = try input.service()
        let query = ExplainQuery(subject: .id(subject), candidate: candidate, skill: skill, profile: profile)
        let match = try await answering { () async throws(ServiceError) in try await service.explain(query) }
        print(input.json ? try RankingPrinter.json(match) : RankingPrinter.explanation(match, title: "\(subject) and \(candidate)"))
    }
}
