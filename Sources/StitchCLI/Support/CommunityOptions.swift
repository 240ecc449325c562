import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchModel
import StitchStore

/// Options shared by every command that reads a community.
struct CommunityOptions: ParsableArguments {
    @OptionGroup var source: CommunitySource

    @Option(name: .long, help: ArgumentHelp("Skills taxonomy file (JSON).", valueName: "path"))
    var taxonomy: String?

    @Flag(name: .long, help: "Print the protocol's JSON result instead of a table.")
    var json = false

    @OptionGroup var meaning: MeaningOptions

    /// The use cases over the community (``StitchService``), read from the database or file
    /// ``CommunitySource`` names, or exits with a clear error naming the bad field. Nothing is written.
    func service() throws -> StitchService {
        try source.service(taxonomy: taxonomy, meaning: meaning)
    }
}

extension CommunitySource {
    /// The use cases over the community read from the database or file named, with the skills
    /// taxonomy at `taxonomy` (else the bundled one), or exits with a clear error naming the bad
    /// field. Nothing is written.
    func service(taxonomy: String?, meaning: MeaningOptions) throws -> StitchService {
        let taxonomyPath = try taxonomy ?? DataLocator.path(of: "taxonomy.json")
        let taxonomy = try JSONInput.decode(SkillTaxonomy.self, fromFile: taxonomyPath)
        switch try location() {
        case .database(let db):
            let store = try open(db)
            let community = try store.load()
            let configuration = try store.configuration(), outcomes = try store.loadOutcomes()
            let referrals = try store.loadReferrals(), dismissals = try store.loadDismissals()
            let asks = try store.loadAsks(), pairings = try store.loadPairings()
            let meaningSetup = meaning.setup()
            // The vectors kept by `stitch serve`: loaded, never saved, here (the keeper is not started).
            if let embedder = meaningSetup.model?.embedder as? TextModelEmbedder {
                TextVectorKeeper(store: store, embedder: embedder) { _ in }?.preload()
            }
            do {
                return try StitchService(
                    community: community, taxonomy: taxonomy, configuration: configuration, outcomes: outcomes, meaning: meaningSetup,
                    referrals: referrals, dismissals: dismissals, asks: asks, pairings: pairings)
            } catch {
                throw CLIError.invalidInput(file: db, errors: error.errors)
            }
        case .file(let communityPath):
            let file = try JSONInput.decode(CommunityFile.self, fromFile: communityPath)
            // The demo's broker has dismissed a helper for one person (data/lewisham-dismissals.json).
            let dismissals = demo ? try DemoDismissals.read() : []
            let pairings = try CommunityFile.checkedPairings(of: file, source: communityPath)
            do {
                return try StitchService(
                    community: file.community, taxonomy: taxonomy, meaning: meaning.setup(), dismissals: dismissals, pairings: pairings)
            } catch {
                throw CLIError.invalidInput(file: communityPath, errors: error.errors)
            }
        }
    }
}

extension CommunityOptions {
    /// The use cases over the database ``CommunitySource`` names, with every write stored there
    /// (the referral commands), and the store to close when done. The database is held
    /// exclusively meanwhile: a daemon serving it answers these over its own interfaces instead.
    func writableService() throws -> (service: StitchService, store: SQLiteCommunityStore) {
        guard case .database(let db) = try source.location() else {
            throw CLIError.usage("referrals are kept in a database: give --db PATH (or none, for the default database), not --community")
        }
        let taxonomyPath = try taxonomy ?? DataLocator.path(of: "taxonomy.json")
        let taxonomy = try JSONInput.decode(SkillTaxonomy.self, fromFile: taxonomyPath)
        let store = try SQLiteCommunityStore(path: db, exclusive: true)
        let community = try store.load()
        let configuration = try store.configuration(), outcomes = try store.loadOutcomes(), referrals = try store.loadReferrals()
        let dismissals = try store.loadDismissals(), asks = try store.loadAsks(), pairings = try store.loadPairings()
        let meaningSetup = meaning.setup()
        if let embedder = meaningSetup.model?.embedder as? TextModelEmbedder {
            TextVectorKeeper(store: store, embedder: embedder) { _ in }?.preload()
        }
        do {
            let service = try StitchService(
                community: community, taxonomy: taxonomy, configuration: configuration, outcomes: outcomes, persistence: store,
                meaning: meaningSetup, referrals: referrals, dismissals: dismissals, asks: asks, pairings: pairings)
            return (service, store)
        } catch {
            throw CLIError.invalidInput(file: db, errors: error.errors)
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
extension OneToOneSupport: ExpressibleByArgument {}

/// Where the text model is, for matching words by meaning.
struct MeaningOptions: ParsableArguments {
    @Option(
        name: .customLong("model"),
        help: ArgumentHelp(
            "The text model's folder (default: $STITCH_MODEL, else models/all-MiniLM-L6-v2, where `make models` puts it).",
            valueName: "dir"))
    var directory: String?

    @Flag(
        name: .customLong("no-meaning"),
        help: "Match exact terms, synonyms and related skills only, without the text model (also STITCH_MEANING=off).")
    var off = false

    /// The model loaded, or no model with the note every answer then carries.
    func setup() -> MeaningSetup {
        if off || ProcessInfo.processInfo.environment["STITCH_MEANING"] == "off" { return .none }
        guard let directory = directory ?? DataLocator.modelDirectory() else {
            return .off(because: "the text model is not installed: run `make models`, or give --model DIR")
        }
        return MeaningSetup.load(directory: directory)
    }
}
