import Foundation
import StitchModel

/// Files of the repository the tests read (the bundled taxonomy and OpenActive feeds).
enum RepositoryFiles {
    /// The repository root: this file is `<root>/Tests/StitchImportTests/RepositoryFiles.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    static func taxonomy() throws -> SkillTaxonomy {
        try JSONDecoder().decode(SkillTaxonomy.self, from: data("data/taxonomy.json"))
    }

    static let newham = "data/openactive/newham_20200102.json"
    static let everyoneActive = "data/openactive/everyone-active_20200106.json"
    static let openReferralService = "data/openreferral/service_full.json"
}
