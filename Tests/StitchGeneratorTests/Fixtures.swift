import Foundation
import StitchGenerator
import StitchModel

/// Communities shared by several tests, generated once.
enum Fixtures {
    private static let taxonomyResult = Result { try RepositoryFiles.taxonomy() }
    private static let mediumResult = Result {
        CommunityGenerator(configuration: .init(members: 2_000, seed: 11), taxonomy: try taxonomyResult.get())
            .generate()
    }
    private static let lewishamResult = Result {
        LewishamCommunity.make(taxonomy: try taxonomyResult.get(), openActive: try RepositoryFiles.openActive())
    }

    static func taxonomy() throws -> SkillTaxonomy { try taxonomyResult.get() }

    /// 2,000 members, seed 11, default sizes.
    static func medium() throws -> Community { try mediumResult.get() }

    /// The bundled demo community.
    static func lewisham() throws -> Community { try lewishamResult.get() }

    /// Every id and synonym of the taxonomy, normalised, to its entry's id.
    static func taxonomyIDs() throws -> Set<String> { Set(try taxonomy().skills.map(\.id)) }

    static let referenceDate = GeneratorConfiguration.defaultReferenceDate
    static let lewishamCentre = GeneratorConfiguration.lewisham

    /// Great-circle distance in km (haversine), independent of the generator's own geometry.
    static func km(_ a: Location, _ b: Location) -> Double {
        let r = 6371.0088
        let p1 = a.lat * .pi / 180
        let p2 = b.lat * .pi / 180
        let dp = p2 - p1
        let dl = (b.lon - a.lon) * .pi / 180
        let h = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * r * asin(min(1, h.squareRoot()))
    }

    static func share<T>(_ items: [T], _ predicate: (T) -> Bool) -> Double {
        items.isEmpty ? 0 : Double(items.filter(predicate).count) / Double(items.count)
    }
}
