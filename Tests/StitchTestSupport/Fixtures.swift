import Foundation
public import StitchEngine
public import StitchModel

/// Shared fixtures: the repository's data files and engines built on them (built once per process).
public enum Fixtures {
    /// The repository's root folder.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// A file under `data/`.
    public static func dataURL(_ name: String) -> URL { root.appendingPathComponent("data").appendingPathComponent(name) }

    /// Decodes a JSON file of the repository.
    public static func decode<T: Decodable>(_ type: T.Type, data name: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(contentsOf: dataURL(name)))
    }

    /// The skills taxonomy in `data/taxonomy.json`.
    public static var taxonomy: SkillTaxonomy {
        get throws { try loadedTaxonomy.get() }
    }

    /// The bundled community in `data/lewisham.json`.
    public static var lewisham: Community {
        get throws { try loadedLewisham.get().community }
    }

    /// The ongoing pairings listed beside the bundled community in `data/lewisham.json`.
    public static var lewishamPairings: [Pairing] {
        get throws { try loadedLewisham.get().pairings }
    }

    /// An engine over the bundled community (built once per test process).
    public static var lewishamEngine: Engine {
        get throws { try loadedLewishamEngine.get() }
    }

    private static let loadedTaxonomy = Result { try decode(SkillTaxonomy.self, data: "taxonomy.json") }
    private static let loadedLewisham = Result { try decode(CommunityFile.self, data: "lewisham.json") }
    private static let loadedLewishamEngine = Result { try Engine(community: try lewisham, taxonomy: try taxonomy) }
}
