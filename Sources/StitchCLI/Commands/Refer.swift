import ArgumentParser
import StitchApplication
import Foundation
import StitchEngine
import StitchModel

/// `stitch refer`: a social-prescribing referral to activities, each with a buddy.
struct Refer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Activities for a referred person, best first, each with a member to go along the first time.",
        discussion: """
            Examples:
              stitch refer --demo --person m-bee --goals connect=1,takeNotice=1,give=1
              stitch refer --person m-maud --interest knitting
              stitch refer --person m-arthur --reason "lonely since his wife died, low mood, used to enjoy woodwork"
              stitch refer --referral '{"person":{"id":"p-1","location":{"lat":51.44,"lon":-0.02},"interests":["walking"]}}'
            """)

    @OptionGroup var input: CommunityOptions
    @OptionGroup var ranking: RankingOptions

    @Option(help: "The referred member's id.")
    var person: String?
    @Option(
        help: ArgumentHelp("Five Ways goals, e.g. connect=1,takeNotice=0.5.", valueName: "goals"),
        transform: GoalsArgument.parse)
    var goals: GoalsArgument?
    @Option(help: "An interest for this referral (repeatable).")
    var interest: [String] = []
    @Option(help: ArgumentHelp("Why the person is referred, in the referrer's words (read into needs, goals and interests).", valueName: "words"))
    var reason: String?
    @Option(
        name: .customLong("when"),
        help: ArgumentHelp(
            "When the person can go, e.g. \"wed 13:00-17:00\" (repeatable); activities with no session then are left out.",
            valueName: "slot"),
        transform: SlotArgument.parse)
    var when: [SlotArgument] = []
    @Option(name: .customLong("max-cost"), help: ArgumentHelp("The most the person can pay a session, in pounds (0: free only).", valueName: "pounds"))
    var maxCost: Double?
    @Flag(help: "The person accepts an interpreter: activities and buddies sharing no language are kept.")
    var interpreter = false
    @Flag(name: .customLong("no-buddy"), help: "Do not suggest buddies.")
    var noBuddy = false
    @Option(help: ArgumentHelp("The whole referral as protocol JSON (instead of the options above).", valueName: "json"))
    var referral: String?

    func run() async throws {
        let value: Referral
        if let referral {
            value = try JSONInput.decode(Referral.self, from: Data(referral.utf8), source: "--referral", prefix: "referral")
        } else {
            guard let person else { throw CLIError.usage("give --person (or --referral)") }
            value = Referral(
                person: .id(person), goals: goals?.goals, interests: interest, reason: reason, when: when.map(\.slot),
                maxCost: maxCost, interpreter: interpreter)
        }
        let service = try input.service()
        let result = try await answering { () async throws(ServiceError) in
            try await service.refer(MethodParams.Refer(referral: value, limit: ranking.limit, withBuddy: !noBuddy, profile: ranking.profile))
        }
        print(input.json ? try RankingPrinter.json(result) : RankingPrinter.table(result, title: "Activities for \(value.person.id)"))
    }
}
