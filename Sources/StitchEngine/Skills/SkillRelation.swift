/// How an offered (or attended, or interesting) skill relates to the one wanted.
public enum SkillRelation: String, Sendable, Hashable, Codable {
    /// The same skill, by id or synonym.
    case exact
    /// Shared lived experience, for peer support.
    case livedExperience
    /// The offer is the broader skill of what is wanted (wants gentle gardening, offers gardening).
    case broader
    /// The offer is a more specific kind of what is wanted.
    case narrower
    /// Two levels apart in the taxonomy.
    case related
    /// Both under the same parent.
    case sibling
    /// Learned from how skills co-occur across members.
    case learned
    /// Close in meaning, by the sentence encoder (free text and the words of a request).
    case meaning
}

/// One related skill and how well it serves.
struct RelatedSkill: Sendable, Hashable {
    var index: Int32
    var level: Double
    var relation: SkillRelation
}

/// The level of each relation, documented in docs/scoring.md.
enum SkillLevels {
    static let exact: Double = 1.0
    static let livedExperience: Double = 1.0
    static let broader: Double = 0.85
    static let narrower: Double = 0.8
    static let related: Double = 0.6
    static let sibling: Double = 0.45
    /// Learned similarity is scaled by this, so it never outranks the taxonomy's own links.
    static let learnedScale: Double = 0.7
    /// Learned similarity is trusted in full only between skills held by at least this many
    /// members each; below, it is scaled down in proportion (rare skills co-occur by chance).
    static let learnedSupport: Double = 8
    /// Relations below this level are not candidates at all.
    static let floor: Double = 0.2
}
