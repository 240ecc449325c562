import StitchNumerics
import StitchModel

/// Relatedness between skills: the taxonomy's structure combined with a learned similarity.
///
/// For each taxonomy entry the related entries (exact, broader, narrower, two levels apart,
/// siblings, and learned neighbours) are computed once, with a level in (0, 1]. The learned part
/// is a truncated SVD of the positive pointwise mutual information of skills that members hold
/// together (see ``StitchNumerics/CooccurrenceEmbedding``), so that, say, poetry and creative
/// writing score above poetry and plumbing even where the taxonomy does not link them. A learned
/// link between rare skills is scaled down by how few members hold them (see ``SkillLevels``).
struct SkillGraph: Sendable {
    /// The vocabulary; terms first seen in an edit are added here (free text: matches itself only).
    private(set) var vocabulary: SkillVocabulary
    /// Related skills of each taxonomy entry, best first.
    private let relatedByIndex: [[RelatedSkill]]
    /// Learned similarity, when it could be computed.
    let learned: CooccurrenceEmbedding?
    /// The meaning of every term, when the engine has a model (``MeaningModel``).
    private(set) var meaning: TermMeaning?

    init(vocabulary: SkillVocabulary, memberSkillSets: [[Int]], learnedRank: Int, meaning model: MeaningModel? = nil) {
        self.vocabulary = vocabulary
        meaning = model.flatMap { try? TermMeaning(vocabulary: vocabulary, model: $0) }
        let n = vocabulary.taxonomyCount
        let taxonomySets = memberSkillSets.map { $0.filter { $0 < n } }
        learned = n > 1 && learnedRank > 0 ? try? CooccurrenceEmbedding(sets: taxonomySets, itemCount: n, rank: min(learnedRank, n - 1)) : nil
        var support = [Double](repeating: 0, count: n)
        for set in taxonomySets { for i in Set(set) { support[i] += 1 } }
        var related: [[RelatedSkill]] = []
        related.reserveCapacity(n)
        let ancestors = (0..<n).map { vocabulary.ancestors(of: Int32($0)) }
        for s in 0..<n {
            var list: [RelatedSkill] = []
            for o in 0..<n {
                var best = RelatedSkill(index: Int32(o), level: 0, relation: .learned)
                if s == o {
                    best = .init(index: Int32(o), level: SkillLevels.exact, relation: .exact)
                } else if ancestors[s].first == Int32(o) {
                    best = .init(index: Int32(o), level: SkillLevels.broader, relation: .broader)
                } else if ancestors[o].first == Int32(s) {
                    best = .init(index: Int32(o), level: SkillLevels.narrower, relation: .narrower)
                } else if ancestors[s].dropFirst().first == Int32(o) || ancestors[o].dropFirst().first == Int32(s) {
                    best = .init(index: Int32(o), level: SkillLevels.related, relation: .related)
                } else if let p = ancestors[s].first, p == ancestors[o].first, ancestors[s].count > 1 {
                    // Siblings under a specific parent; siblings directly under a top-level category
                    // (shopping and DIY under practical help) are not substitutes.
                    best = .init(index: Int32(o), level: SkillLevels.sibling, relation: .sibling)
                }
                if let learned, s != o {
                    let confidence = min(1, min(support[s], support[o]) / SkillLevels.learnedSupport)
                    let level = learned.similarity(s, o) * SkillLevels.learnedScale * confidence
                    if level > best.level { best = .init(index: Int32(o), level: level, relation: .learned) }
                }
                if best.level >= SkillLevels.floor { list.append(best) }
            }
            list.sort { ($0.level, $1.index) > ($1.level, $0.index) }
            related.append(list)
        }
        relatedByIndex = related
    }

    /// The index of a term, adding it as free text when new (with its vector, when the engine
    /// matches by meaning).
    @discardableResult
    mutating func intern(_ term: String) -> Int32 {
        let before = vocabulary.count
        let index = vocabulary.intern(term)
        if Int(index) >= before { meaning?.add(term: index, text: vocabulary.labels[Int(index)]) }
        return index
    }

    /// The skills related to `index`: the taxonomy's relations (only itself for free text), then
    /// the free-text terms close in meaning (every term, for a free-text one).
    func related(to index: Int32) -> [RelatedSkill] {
        var related = vocabulary.isTaxonomy(index)
            ? relatedByIndex[Int(index)] : [RelatedSkill(index: index, level: SkillLevels.exact, relation: .exact)]
        if let meaning {
            related += meaning.neighbours(ofTerm: index, among: vocabulary.isTaxonomy(index) ? .freeText : .all)
        }
        return related
    }

    /// The terms close in meaning to words that are no term of the vocabulary (a request's own
    /// words); empty without a model.
    func related(toWords words: String) -> [RelatedSkill] {
        vectors(for: [words])?.first.map(related(toVector:)) ?? []
    }

    /// The terms close in meaning to the vector of some words.
    func related(toVector vector: [Float]) -> [RelatedSkill] {
        meaning?.neighbours(of: vector, among: .all) ?? []
    }

    /// The vectors of some words, embedded in one batch; `nil` without a model or words, or
    /// when the embedder fails on them.
    func vectors(for words: [String]) -> [[Float]]? {
        guard let meaning, !words.isEmpty, let vectors = try? meaning.model.embedder.embed(words), vectors.count == words.count else {
            return nil
        }
        return vectors
    }

    /// Activities' texts (name and description) as vectors, by slot from 0 (a build).
    mutating func describe(activities: [Activity]) {
        meaning?.describe(activities: activities.map(TermMeaning.aboutText))
    }

    /// One activity's text as a vector (a write added or changed it).
    mutating func describe(activity: Activity, slot: Int) {
        meaning?.describe(activity: slot, text: TermMeaning.aboutText(activity))
    }

    /// For each activity slot below `count`, how close in meaning its name and description
    /// are to any of `vectors` (a level, 0 below the floor), and which vector (`-1`: none).
    func activityLevels(vectors: [[Float]], count: Int) -> (levels: [Double], via: [Int32])? {
        guard let meaning, !vectors.isEmpty else { return nil }
        return meaning.activityLevels(for: vectors, count: count)
    }

    /// The taxonomy entry nearest in meaning to some words, when there is a model.
    func nearestEntry(toWords words: String) -> Int32? {
        guard let meaning, let vector = meaning.vector(for: words) else { return nil }
        return meaning.nearestTaxonomyEntry(to: vector)?.term
    }

    /// The learned similarity of two terms in [0, 1]; 0 for free text.
    func learnedSimilarity(_ a: Int32, _ b: Int32) -> Double {
        guard let learned, vocabulary.isTaxonomy(a), vocabulary.isTaxonomy(b) else { return a == b ? 1 : 0 }
        return learned.similarity(Int(a), Int(b))
    }
}
