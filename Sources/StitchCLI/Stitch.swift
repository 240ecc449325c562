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
            or a GP decides. Commands read the community `stitch import` stored (the daemon's database, or
            --db PATH), a community file (--community FILE), or the bundled demo of fictional people (--demo).

            Examples:
              stitch import my-community.json
              stitch who-can-help --requester m-arthur --skill "accompany to hospital" --when "tue 10:00-12:00"
              stitch give m-bee --db stitch.sqlite
              stitch refer --demo --person m-maud --goals connect=1,keepLearning=0.5
              stitch explain --demo --subject m-kathy --candidate a-art-upstairs
              stitch export --output my-community.json
            """,
        version: StitchVersion.current,
        subcommands: [
            WhoCanHelp.self, Give.self, Refer.self, Explain.self, Generate.self, Plan.self, Network.self, Serve.self, MCPCommand.self,
            Import.self, Export.self, Demo.self, Admin.self, ReferralCommand.self, WeightsCommand.self, Dismiss.self, Undismiss.self,
            Dismissals.self, AskCommand.self, PairingCommand.self, AccountCommand.self, DBSCommand.self, CreditsCommand.self,
        ]
    )
}
