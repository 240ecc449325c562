import Foundation
import StitchImport
import StitchModel

/// Files of the repository the tests read (the bundled taxonomy and OpenActive feeds).
enum RepositoryFiles {
    /// The repository root: this file is `<root>/Tests/StitchGeneratorTests/RepositoryFiles.swift`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    static func taxonomy() throws -> SkillTaxonomy {
        try JSONDecoder().decode(SkillTaxonomy.self, from: data("data/taxonomy.json"))
    }

    /// Every activity of both bundled OpenActive feeds.
    static func openActive() throws -> [Activity] {
        let reader = OpenActiveFeedReader()
        return reader.read(try data("data/openactive/newham_20200102.json"), source: "Active Newham").activities
            + reader.read(try data("data/openactive/everyone-active_20200106.json"), source: "Everyone Active")
            .activities
    }

    /// The community encoded with sorted keys, for byte-for-byte comparison.
    static func encoded(_ community: Community) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(community)
    }
}
