/// For one query, how well each term of the vocabulary serves what is wanted.
///
/// Built once per query (one allocation), then each candidate's terms are scored with array
/// look-ups: the best of a member's offers, or of an activity's topics.
struct SkillMatchTable {
    private(set) var level: [Double]
    private(set) var relation: [SkillRelation?]
    /// The query term each entry came through.
    private(set) var via: [Int32]
    /// Entries with a level above zero, in the order found.
    private(set) var touched: [Int32] = []
    /// Words an entry came through when they are no term (a request's own words): entry `k`
    /// stands for `via == -2 - k`.
    private(set) var words: [String] = []

    init(vocabularySize: Int) {
        level = Array(repeating: 0, count: vocabularySize)
        relation = Array(repeating: nil, count: vocabularySize)
        via = Array(repeating: -1, count: vocabularySize)
    }

    private mutating func offer(_ term: Int32, _ value: Double, _ kind: SkillRelation, from source: Int32) {
        let i = Int(term)
        if level[i] == 0 { touched.append(term) }
        if value > level[i] {
            level[i] = value
            relation[i] = kind
            via[i] = source
        }
    }

    /// Terms that serve any of `wanted` (as offers, topics…), scaled by `weight`.
    mutating func add(wanted: [Int32], graph: SkillGraph, weight: Double = 1) {
        for w in wanted {
            for r in graph.related(to: w) { offer(r.index, r.level * weight, r.relation, from: w) }
        }
    }

    /// Terms close in meaning to words that are no term of the vocabulary (``SkillGraph/related(toWords:)``).
    mutating func add(words text: String, graph: SkillGraph, weight: Double = 1) {
        add(words: text, related: graph.related(toWords: text), weight: weight)
    }

    /// The same, for words whose vector is already known.
    mutating func add(words text: String, vector: [Float], graph: SkillGraph, weight: Double = 1) {
        add(words: text, related: graph.related(toVector: vector), weight: weight)
    }

    private mutating func add(words text: String, related: [RelatedSkill], weight: Double) {
        guard !related.isEmpty else { return }
        let source = Int32(-2 - words.count)
        words.append(text)
        for r in related { offer(r.index, r.level * weight, r.relation, from: source) }
    }

    /// Terms (needs) that `offered` can serve: the same relations seen from the other side.
    mutating func add(offered: [Int32], graph: SkillGraph) {
        for o in offered {
            for r in graph.related(to: o) {
                var kind = r.relation, value = r.level
                switch r.relation {
                case .broader: kind = .narrower; value = SkillLevels.narrower
                case .narrower: kind = .broader; value = SkillLevels.broader
                default: break
                }
                offer(r.index, value, kind, from: o)
            }
        }
    }

    /// The best of a list of terms: its level and which term.
    @inline(__always)
    func best(_ terms: ArraySlice<Int32>) -> (level: Double, term: Int32) {
        var bestLevel: Double = 0, bestTerm: Int32 = -1
        for t in terms where level[Int(t)] > bestLevel {
            bestLevel = level[Int(t)]
            bestTerm = t
        }
        return (bestLevel, bestTerm)
    }

    /// The query term an entry came through (the entry itself when it came through words).
    func viaTerm(_ term: Int32) -> Int32 { via[Int(term)] >= 0 ? via[Int(term)] : term }

    /// The words an entry came through, when it came through words rather than a term.
    func viaWords(_ term: Int32) -> String? {
        let v = via[Int(term)]
        return v <= -2 ? words[Int(-2 - v)] : nil
    }

    /// A plain-English reason for a matched term.
    func reason(term: Int32, vocabulary: SkillVocabulary, verb: String) -> String {
        let name = vocabulary.label(term)
        if let words = viaWords(term) {
            return "\(verb) '\(name)', close in meaning to '\(words)'"
        }
        guard let kind = relation[Int(term)], via[Int(term)] >= 0 else { return "\(verb) \(name)" }
        let wanted = vocabulary.label(via[Int(term)])
        switch kind {
        case .exact, .livedExperience: return "\(verb) \(name)"
        case .broader: return "\(verb) \(name), which covers \(wanted)"
        case .narrower: return "\(verb) \(name), a kind of \(wanted)"
        case .related, .sibling: return "\(verb) \(name), related to \(wanted)"
        case .learned: return "\(verb) \(name), often found with \(wanted)"
        case .meaning: return "\(verb) '\(name)', close in meaning to '\(wanted)'"
        }
    }
}
