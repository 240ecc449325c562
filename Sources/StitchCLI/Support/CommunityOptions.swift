import ArgumentParser
import Foundation
import StitchEngine
import StitchModel

/// Options shared by every command that reads a community.
struct CommunityOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Community file (JSON).", valueName: "path"))
    var community: String?

    @Option(name: .long, help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?

    @Flag(name: .long, help: "Print the protocol's JSON result instead of a table.")
    var json = false

    /// Loads and compiles the community, or exits with a clear error naming the bad field.
    func engine() throws -> Engine {
        let communityPath = try community ?? DataLocator.path(of: "lewisham.json")
        let taxonomyPath = try taxonomy ?? DataLocator.path(of: "taxonomy.json")
        let taxonomy = try JSONInput.decode(SkillTaxonomy.self, fromFile: taxonomyPath)
        let community = try JSONInput.decode(Community.self, fromFile: communityPath)
        do {
            return try Engine(community: community, taxonomy: taxonomy)
        } catch {
            throw CLIError.invalidInput(file: communityPath, errors: error.errors)
        }
    }
}

/// Shared options of ranking commands.
struct RankingOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "How many results (1-1000).")
    var limit = 10

    @Option(name: .long, help: "Weights profile: broker, referral or planning.")
    var profile: ScoringProfile?
}

extension ScoringProfile: ExpressibleByArgument {}
