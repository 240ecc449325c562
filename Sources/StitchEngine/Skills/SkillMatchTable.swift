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

    /// The query term an entry came through.
    func viaTerm(_ term: Int32) -> Int32 { via[Int(term)] >= 0 ? via[Int(term)] : term }

    /// A plain-English reason for a matched term.
    func reason(term: Int32, vocabulary: SkillVocabulary, verb: String) -> String {
        let name = vocabulary.label(term)
        guard let kind = relation[Int(term)], via[Int(term)] >= 0 else { return "\(verb) \(name)" }
        let wanted = vocabulary.label(via[Int(term)])
        switch kind {
        case .exact, .livedExperience: return "\(verb) \(name)"
        case .broader: return "\(verb) \(name), which covers \(wanted)"
        case .narrower: return "\(verb) \(name), a kind of \(wanted)"
        case .related, .sibling: return "\(verb) \(name), related to \(wanted)"
        case .learned: return "\(verb) \(name), often found with \(wanted)"
        }
    }
}
