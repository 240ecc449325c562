public import StitchModel

/// Every skill, interest and topic term of a community, resolved to dense indices.
///
/// Taxonomy entries come first (index = position in the taxonomy); their ids and synonyms
/// resolve to them after ``SkillTaxonomy/normalise(_:)``. Any other free-text term gets an index
/// of its own after the taxonomy and matches only itself.
public struct SkillVocabulary: Sendable {
    /// The taxonomy the vocabulary was built on.
    public let taxonomy: SkillTaxonomy
    private(set) var lookup: [String: Int32] = [:]
    /// Display labels by index.
    private(set) var labels: [String] = []
    /// Labels as they read inside a sentence (``label(_:)``), by index: worked out once per term.
    private var sentenceLabels: [String] = []
    /// Normalised keys by index.
    private(set) var keys: [String] = []
    /// Parent index by index (-1 for none), for taxonomy entries; free text has none.
    private(set) var parents: [Int32] = []
    /// The lived experience a peer-support entry draws on, by index (-1 for none).
    private(set) var experienceOf: [Int32] = []
    /// Number of taxonomy entries (indices below this are taxonomy entries).
    let taxonomyCount: Int

    /// Builds the vocabulary of a taxonomy; free-text terms are added with ``intern(_:)``.
    public init(taxonomy: SkillTaxonomy) {
        self.taxonomy = taxonomy
        taxonomyCount = taxonomy.skills.count
        for (i, entry) in taxonomy.skills.enumerated() {
            lookup[SkillTaxonomy.normalise(entry.id)] = Int32(i)
            labels.append(entry.label)
            sentenceLabels.append(Self.sentenceLabel(entry.label))
            keys.append(SkillTaxonomy.normalise(entry.id))
        }
        for (i, entry) in taxonomy.skills.enumerated() {
            for synonym in entry.synonyms where lookup[SkillTaxonomy.normalise(synonym)] == nil {
                lookup[SkillTaxonomy.normalise(synonym)] = Int32(i)
            }
            parents.append(entry.parent.flatMap { lookup[SkillTaxonomy.normalise($0)] } ?? -1)
        }
        experienceOf = Array(repeating: -1, count: taxonomyCount)
        for (i, entry) in taxonomy.skills.enumerated() {
            if let experience = entry.experience { experienceOf[i] = intern(experience) }
        }
    }

    /// Number of terms.
    public var count: Int { labels.count }

    /// The index of a term, if known: its own, else the taxonomy entry a plural or singular of it
    /// names (``SkillTaxonomy/inflections(of:)``: "Lunch Clubs" is `lunch-club`).
    public func index(of term: String) -> Int32? {
        let key = SkillTaxonomy.normalise(term)
        return lookup[key] ?? taxonomyIndex(inflecting: key)
    }

    /// The taxonomy entry an inflection of a normalised term names, if any.
    private func taxonomyIndex(inflecting key: String) -> Int32? {
        for variant in SkillTaxonomy.inflections(of: key) {
            if let index = lookup[variant], isTaxonomy(index) { return index }
        }
        return nil
    }

    /// The index of a term, adding it as free text when new (a plural of a taxonomy term is that term).
    @discardableResult
    mutating func intern(_ term: String) -> Int32 {
        let key = SkillTaxonomy.normalise(term)
        if let index = lookup[key] { return index }
        if let index = taxonomyIndex(inflecting: key) {
            lookup[key] = index
            return index
        }
        let index = Int32(labels.count)
        lookup[key] = index
        labels.append(key.replacingHyphens())
        sentenceLabels.append(Self.sentenceLabel(labels[Int(index)]))
        keys.append(key)
        parents.append(-1)
        experienceOf.append(-1)
        return index
    }

    /// The display label of an index, lower-cased for use inside sentences.
    public func label(_ index: Int32) -> String { sentenceLabels[Int(index)] }

    /// A label lower-cased for a sentence: "Gardening" → "gardening", but "DIY" and "NHS app" stay.
    private static func sentenceLabel(_ label: String) -> String {
        guard let first = label.first, first.isUppercase, !(label.dropFirst().first?.isUppercase ?? false) else { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// True when `index` is a taxonomy entry (not free text).
    func isTaxonomy(_ index: Int32) -> Bool { Int(index) < taxonomyCount }

    /// The peer-support entries that draw on any of these lived experiences.
    func peerSupport(drawingOn experiences: [Int32]) -> [Int32] {
        guard !experiences.isEmpty else { return [] }
        return experienceOf.indices.filter { experiences.contains(experienceOf[$0]) }.map { Int32($0) }
    }

    /// The normalised key of a term: a taxonomy id, or the free text itself.
    func key(_ index: Int32) -> String { keys[Int(index)] }

    /// The chain of ancestors of an entry, nearest first.
    func ancestors(of index: Int32) -> [Int32] {
        var out: [Int32] = []
        var next = parents[Int(index)]
        while next >= 0, out.count < 16 {
            out.append(next)
            next = parents[Int(next)]
        }
        return out
    }
}

extension String {
    func replacingHyphens() -> String { String(map { $0 == "-" ? " " : $0 }) }
}
