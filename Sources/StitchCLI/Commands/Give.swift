import ArgumentParser
import StitchEngine

/// `stitch give`: where a member can give.
struct Give: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chances for a member to give: others' needs and activities that want their skills.",
        discussion: """
            Examples:
              stitch give m-bee
              stitch give m-kathy --limit 5 --json
            """)

    @OptionGroup var input: CommunityOptions
    @OptionGroup var ranking: RankingOptions

    @Argument(help: "The member's id.")
    var member: String

    func run() throws {
        let engine = try input.engine()
        let result = try answering { () throws(QueryError) in
            try engine.opportunities(for: member, limit: ranking.limit, profile: ranking.profile ?? .broker)
        }
        print(input.json ? try RankingPrinter.json(result) : RankingPrinter.table(result, title: "Where can \(member) give?"))
    }
}
