public import StitchModel
import StitchNumerics

/// How a referral's reason in words was read, returned with the answer so the GP or link
/// worker sees it: the needs and concerns it names, the Five Ways goals taken from it when the
/// referral gave none, and the interests its words point to.
public struct ReasonReading: Sendable, Hashable, Codable {
    /// A need or concern, with the words it was read from.
    public struct Need: Sendable, Hashable, Codable {
        public var need: ReferralNeed
        public var words: String
    }

    /// A skill or topic the reason's words are close to, with those words.
    public struct Interest: Sendable, Hashable, Codable {
        public var words: String
        public var term: String
    }

    /// Needs and concerns, strongest first.
    public var needs: [Need]
    /// Goals read from the reason; `nil` when the referral gave its own (which always win) or
    /// nothing in the reason points to a way.
    public var goals: FiveWays?
    /// Interests found in the reason's words.
    public var interests: [Interest]
}

/// The prototype sentences of each need and way, as vectors (``ReferralNeed``).
struct ReasonPrototypes: Sendable {
    var columns: UnitColumns
    /// What each column stands for.
    var meaning: [Kind]

    enum Kind: Hashable {
        case need(ReferralNeed)
        case way(WellbeingWay)
    }

    /// A need or way counts when one of its sentences is at least this close to a clause
    /// (set at 0.5, not fitted; its precision and recall on the labelled reasons are in docs/scoring.md).
    static let threshold: Float = 0.5
    /// An interest is reported when its level by meaning reaches this.
    static let interestLevel = 0.5

    init(embedder: any TextEmbedder) throws {
        var texts: [String] = []
        var kinds: [Kind] = []
        for need in ReferralNeed.allCases {
            for s in need.prototypes {
                texts.append(s)
                kinds.append(.need(need))
            }
        }
        for way in WellbeingWay.allCases {
            for s in way.prototypes {
                texts.append(s)
                kinds.append(.way(way))
            }
        }
        let vectors = try embedder.embed(texts)
        guard vectors.count == texts.count else { throw TermMeaningError.wrongCount }
        columns = UnitColumns(dimension: embedder.dimension)
        for v in vectors { try columns.append(v) }
        meaning = kinds
    }

    /// The clauses of a reason: split at punctuation and at "and", "but", "with", "since".
    static func clauses(_ reason: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for ch in reason {
            if ".,;:!?\n()/".contains(ch) {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        let joiners: Set<String> = ["and", "but", "also", "plus"]
        var clauses: [String] = []
        for part in parts {
            var words: [Substring] = []
            for word in part.split(separator: " ", omittingEmptySubsequences: true) {
                if joiners.contains(word.lowercased()), !words.isEmpty {
                    clauses.append(words.joined(separator: " "))
                    words = []
                } else {
                    words.append(word)
                }
            }
            if !words.isEmpty { clauses.append(words.joined(separator: " ")) }
        }
        return clauses.filter { $0.filter(\.isLetter).count >= 3 }
    }
}

/// A reason as read, with the clauses it was cut into and their vectors (in the same order).
struct ReadReason {
    var reading: ReasonReading
    var clauses: [String]
    var vectors: [[Float]]
}

extension SkillGraph {
    /// Reads a reason: its clauses (with their vectors, for the referral to reuse), the needs
    /// and ways their words are close to, and the terms close to them. `nil` without a model;
    /// no clauses when the embedder fails on them.
    func read(reason: String, goalsGiven: Bool) -> ReadReason? {
        guard let meaning, let prototypes = meaning.prototypes else { return nil }
        let clauses = ReasonPrototypes.clauses(reason)
        guard let vectors = vectors(for: clauses) else {
            return ReadReason(reading: ReasonReading(needs: [], goals: nil, interests: []), clauses: [], vectors: [])
        }
        var needs: [ReferralNeed: (Float, String)] = [:]
        var ways: [WellbeingWay: Float] = [:]
        var interests: [ReasonReading.Interest] = []
        for (clause, vector) in zip(clauses, vectors) {
            guard let cosines = try? prototypes.columns.dotProducts(with: vector) else { continue }
            for (j, c) in cosines.enumerated() where c >= ReasonPrototypes.threshold {
                switch prototypes.meaning[j] {
                case .need(let need):
                    if c > needs[need]?.0 ?? -1 { needs[need] = (c, clause) }
                case .way(let way):
                    ways[way] = max(ways[way] ?? 0, c)
                }
            }
            if let best = meaning.neighbours(of: vector, among: .all).first, best.level >= ReasonPrototypes.interestLevel {
                interests.append(.init(words: clause, term: vocabulary.label(best.index)))
            }
        }
        let ordered = needs.sorted { ($0.value.0, $1.key.rawValue) > ($1.value.0, $0.key.rawValue) }
        var goals: FiveWays?
        if !goalsGiven {
            var g = FiveWays()
            for (need, _) in ordered {
                if let way = need.ways.first { g[way] = 1 }
            }
            for (way, _) in ways { g[way] = 1 }
            if g.total > 0 { goals = g }
        }
        let reading = ReasonReading(needs: ordered.map { .init(need: $0.key, words: $0.value.1) }, goals: goals, interests: interests)
        return ReadReason(reading: reading, clauses: clauses, vectors: vectors)
    }
}
