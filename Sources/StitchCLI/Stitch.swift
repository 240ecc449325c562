import ArgumentParser
import StitchApplication

/// The `stitch` command: matching and referral recommendations for time banks and social prescribing.
@main
struct Stitch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stitch",
        abstract: "Who, or what, should this person be stitched to? Explained matches for time banks and social prescribing.",
        discussion: """
            Every answer is a ranking with scores, a per-factor breakdown and plain-English reasons; a broker
            or a GP decides. Commands read a community file (default: the bundled Lewisham community in data/).

            Examples:
              stitch who-can-help --requester m-arthur --skill "accompany to hospital" --when "tue 10:00-12:00"
              stitch give m-bee
              stitch refer --person m-maud --goals connect=1,keepLearning=0.5
              stitch explain --subject m-kathy --candidate a-art-upstairs
              stitch generate --members 100000 --activities 10000 --seed 7 --output big.json
            """,
        version: StitchVersion.current,
        subcommands: [
            WhoCanHelp.self, Give.self, Refer.self, Explain.self, Generate.self, Plan.self, Network.self, Serve.self, Import.self,
            Admin.self,
        ]
    )
}
