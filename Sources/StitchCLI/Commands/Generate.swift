import ArgumentParser
import Foundation
import StitchGenerator
import StitchImport
import StitchModel

/// `stitch generate`: seeded, realistic communities.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a realistic community from a seed (the same seed always gives the same file).",
        discussion: """
            Examples:
              stitch generate --members 1000 --activities 100 --seed 7 --output small.json
              stitch generate --members 100000 --activities 10000 --seed 1 --output big.json
              stitch generate --lewisham --output data/lewisham.json   (the bundled demo community)
            """)

    @Option(help: "Number of members.")
    var members = 1000
    @Option(help: "Number of activities.")
    var activities = 100
    @Option(help: "Number of exchanges (default: about six per member).")
    var exchanges: Int?
    @Option(help: "Random seed.")
    var seed: UInt64 = 2026
    @Flag(help: "Build the bundled Lewisham demo: the scenario cast, generated members and real OpenActive sessions.")
    var lewisham = false
    @Option(help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write here instead of standard output.", valueName: "path"))
    var output: String?

    func validate() throws {
        guard (1...5_000_000).contains(members) else { throw ValidationError("--members must be between 1 and 5000000") }
        guard (0...1_000_000).contains(activities) else { throw ValidationError("--activities must be between 0 and 1000000") }
        if let exchanges, exchanges < 0 { throw ValidationError("--exchanges must not be negative") }
    }

    func run() throws {
        let taxonomy = try JSONInput.decode(SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))
        let file: CommunityFile
        if lewisham {
            var sessions: [Activity] = []
            let reader = OpenActiveFeedReader()
            for name in ["newham_20200102.json", "everyone-active_20200106.json"] {
                let path = try DataLocator.path(of: "openactive/\(name)")
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                sessions += reader.read(data, source: name).activities
            }
            file = LewishamCommunity.file(seed: seed, taxonomy: taxonomy, openActive: sessions)
        } else {
            var configuration = GeneratorConfiguration(members: members, activities: activities, seed: seed)
            if let exchanges { configuration.exchanges = exchanges }
            file = CommunityFile(community: CommunityGenerator(configuration: configuration, taxonomy: taxonomy).generate())
        }
        let community = file.community
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(file)
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
            FileHandle.standardError.write(Data("Wrote \(Wording.count(community.members.count, "member")), \(Wording.count(community.activities.count, "activity")), \(Wording.count(community.exchanges.count, "exchange")) to \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
