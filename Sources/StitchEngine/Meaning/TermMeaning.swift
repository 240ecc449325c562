import StitchModel
import StitchNumerics

/// The meaning of every term of a vocabulary: one vector per text (a taxonomy entry's label and
/// each synonym, each free-text term as written), and the terms close in meaning to a vector.
///
/// Terms close in meaning are found by one matrix-vector product over every column
/// (``StitchNumerics/UnitColumns``) and kept when the curve gives them a level at or above
/// ``SkillLevels/floor``; a term with several texts takes its best.
struct TermMeaning: Sendable {
    let model: MeaningModel
    private(set) var columns: UnitColumns
    /// The term each column stands for.
    private(set) var columnTerm: [Int32]
    /// The first column of each term (`-1` when it has none).
    private(set) var firstColumn: [Int32]
    /// Columns below this are taxonomy entries'; free-text terms' follow.
    let taxonomyColumns: Int
    /// The sentences a referral's reason is read against (``ReasonReading``).
    let prototypes: ReasonPrototypes?
    /// One column per activity's text (its name and description).
    private(set) var activityColumns: UnitColumns
    /// The column of each activity slot (`-1`: none yet).
    private(set) var activityColumn: [Int32] = []

    /// Which terms a search looks among.
    enum Scope {
        /// Every term.
        case all
        /// Free-text terms only (the taxonomy's own entries are related by its structure).
        case freeText
    }

    /// Embeds every text of the vocabulary.
    ///
    /// - Throws: what the embedder throws; a vector of the wrong length or not finite.
    init(vocabulary: SkillVocabulary, model: MeaningModel) throws {
        self.model = model
        var texts: [String] = []
        var terms: [Int32] = []
        for (i, entry) in vocabulary.taxonomy.skills.enumerated() {
            for text in [entry.label] + entry.synonyms {
                texts.append(text)
                terms.append(Int32(i))
            }
        }
        taxonomyColumns = texts.count
        for t in vocabulary.taxonomyCount..<vocabulary.count {
            texts.append(vocabulary.labels[t])
            terms.append(Int32(t))
        }
        columns = UnitColumns(dimension: model.embedder.dimension)
        activityColumns = UnitColumns(dimension: model.embedder.dimension)
        columnTerm = []
        firstColumn = Array(repeating: -1, count: vocabulary.count)
        let vectors = try model.embedder.embed(texts)
        guard vectors.count == texts.count else { throw TermMeaningError.wrongCount }
        prototypes = try ReasonPrototypes(embedder: model.embedder)
        for (vector, term) in zip(vectors, terms) { try append(vector, term: term) }
    }

    private mutating func append(_ vector: [Float], term: Int32) throws {
        try columns.append(vector)
        while firstColumn.count <= Int(term) { firstColumn.append(-1) }
        if firstColumn[Int(term)] < 0 { firstColumn[Int(term)] = Int32(columnTerm.count) }
        columnTerm.append(term)
    }

    /// Gives a new free-text term its vector (an edit brought it). A term that cannot be
    /// embedded matches itself only, as without a model.
    mutating func add(term: Int32, text: String) {
        guard let vector = vector(for: text) else { return }
        try? append(vector, term: term)
    }

    /// What an activity is about, in words: its name, and its description when it has one.
    static func aboutText(_ activity: Activity) -> String {
        activity.description.map { "\(activity.name). \($0)" } ?? activity.name
    }

    /// Gives activities (by slot, from 0) the vectors of their texts, in one batch.
    mutating func describe(activities texts: [String]) {
        guard !texts.isEmpty, let vectors = try? model.embedder.embed(texts), vectors.count == texts.count else { return }
        for (slot, vector) in vectors.enumerated() { setActivity(slot, vector) }
    }

    /// Gives one activity the vector of its text (a write added or changed it).
    mutating func describe(activity slot: Int, text: String) {
        guard let vector = vector(for: text) else { return }
        setActivity(slot, vector)
    }

    private mutating func setActivity(_ slot: Int, _ vector: [Float]) {
        while activityColumn.count <= slot { activityColumn.append(-1) }
        let column = Int32(activityColumns.count)
        guard (try? activityColumns.append(vector)) != nil else { return }
        activityColumn[slot] = column
    }

    /// For each activity slot below `count`, the best level any of `vectors` gives its text, and
    /// which vector gave it (`-1`: none reached the floor).
    func activityLevels(for vectors: [[Float]], count: Int) -> (levels: [Double], via: [Int32]) {
        var levels = [Double](repeating: 0, count: count), via = [Int32](repeating: -1, count: count)
        for (k, vector) in vectors.enumerated() {
            guard let cosines = try? activityColumns.dotProducts(with: vector) else { continue }
            for slot in 0..<min(count, activityColumn.count) where activityColumn[slot] >= 0 {
                let level = model.curve.level(cosine: Double(cosines[Int(activityColumn[slot])]))
                if level >= SkillLevels.floor, level > levels[slot] {
                    levels[slot] = level
                    via[slot] = Int32(k)
                }
            }
        }
        return (levels, via)
    }

    /// The vector of some words, or `nil` when the embedder fails on them.
    func vector(for text: String) -> [Float]? {
        guard let vector = try? model.embedder.embed([text]).first, vector.count == columns.dimension else { return nil }
        return vector
    }

    /// The vector of a term's first text, if it has one.
    func vector(ofTerm term: Int32) -> [Float]? {
        guard Int(term) < firstColumn.count, firstColumn[Int(term)] >= 0 else { return nil }
        return Array(columns.column(Int(firstColumn[Int(term)])))
    }


    /// The terms close in meaning to a term's first text, itself left out; nothing to search
    /// (no columns in `scope`, as for a taxonomy term in a community without free text) costs
    /// nothing.
    func neighbours(ofTerm term: Int32, among scope: Scope) -> [RelatedSkill] {
        guard (scope == .freeText ? taxonomyColumns : 0) < columns.count, let vector = vector(ofTerm: term) else { return [] }
        return neighbours(of: vector, among: scope, excluding: term)
    }

    /// The terms close in meaning to `vector`, each once at its best level, best first.
    func neighbours(of vector: [Float], among scope: Scope, excluding excluded: Int32 = -1) -> [RelatedSkill] {
        let start = scope == .freeText ? taxonomyColumns : 0
        guard start < columns.count, let cosines = try? columns.dotProducts(with: vector, columns: start..<columns.count) else { return [] }
        let threshold = model.curve.cosine(atLevel: SkillLevels.floor)
        var best: [Int32: Double] = [:]
        for (i, cosine) in cosines.enumerated() where Double(cosine) >= threshold {
            let term = columnTerm[start + i]
            if term == excluded { continue }
            best[term] = max(best[term] ?? -1, Double(cosine))
        }
        return best.map { RelatedSkill(index: $0.key, level: model.curve.level(cosine: $0.value), relation: .meaning) }
            .filter { $0.level >= SkillLevels.floor }
            .sorted { ($0.level, $1.index) > ($1.level, $0.index) }
    }

    /// The taxonomy entry closest in meaning to `vector`, at any level (for "did you mean").
    func nearestTaxonomyEntry(to vector: [Float]) -> (term: Int32, cosine: Double)? {
        guard let cosines = try? columns.dotProducts(with: vector), taxonomyColumns > 0 else { return nil }
        var bestColumn = 0
        for j in 1..<taxonomyColumns where cosines[j] > cosines[bestColumn] { bestColumn = j }
        return (columnTerm[bestColumn], Double(cosines[bestColumn]))
    }
}

/// The embedder answered with a different number of vectors than texts.
enum TermMeaningError: Error {
    case wrongCount
}
