import ArgumentParser
import StitchApplication
import StitchEngine

/// `stitch give`: where a member can give.
struct Give: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chances for a member to give: others' needs and activities that want their skills.",
        discussion: """
            Examples:
              stitch give m-bee --demo
              stitch give m-kathy --limit 5 --db stitch.sqlite --json
            """)

    @OptionGroup var input: CommunityOptions
    @OptionGroup var ranking: RankingOptions

    @Argument(help: "The member's id.")
    var member: String

    func run() async throws {
        let service = try input.service()
        let result = try await answering { () async throws(ServiceError) in
            try await service.opportunities(MethodParams.Opportunities(member: member, limit: ranking.limit, profile: ranking.profile))
        }
        print(input.json ? try RankingPrinter.json(result) : RankingPrinter.table(result, title: "Where can \(member) give?"))
    }
}
