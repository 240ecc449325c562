/// Puts forward in turn the helpers whose scores are close to the best, so that over a month of
/// requests the asks are shared among them rather than always falling on the same few
/// (docs/scoring.md, "Sharing asks in turn").
///
/// A score difference smaller than the ``band`` says little about who would help better, yet a
/// broker asks the first one or two listed, so a fixed order gives all the asks to whoever is a
/// hair ahead. Each request with an id therefore orders the helpers within the band of the best
/// by their ask load, least asked first (amortised fairness: those who missed out lately are paid
/// back), and those asked alike by a hash of the request's id and the helper's id, so every such
/// helper comes first for some requests, and the same request on the same engine always gets the
/// same order. Helpers outside the band keep their places after it, in score order; only helpers
/// who passed every hard constraint are ranked at all; and a request without an id keeps the
/// order of the scores.
///
/// ```swift
/// let sharing = AskSharing(band: 0.10, requestID: "req-118")
/// let order = sharing.order(entries, limit: 5) { ids[Int($0)] }
/// ```
struct AskSharing {
    /// Scores within this of the best ranked are close enough to take turns (0: never).
    let band: Double
    /// The request's id; `nil` keeps the order of the scores.
    let requestID: String?

    /// An entry in the order given, and how it moved from its place by score.
    struct Placed {
        var entry: Pipeline.Entry
        /// Listed before someone scoring higher.
        var forward = false
        /// Listed after someone scoring lower (and before no one scoring higher).
        var back = false
    }

    /// True when this request takes turns at all.
    var isActive: Bool { band > 0 && requestID != nil }

    /// The first `limit` of `entries` (best first by score, as a ranking loop returns them) with
    /// those within ``band`` of the best ordered by the request's turn.
    ///
    /// Within the band, a helper asked less lately (`askHours`, the ask load the engine weighed)
    /// comes before one asked more, and the request's turn orders those asked alike.
    func order(_ entries: [Pipeline.Entry], limit: Int, askHours: (Int32) -> Double = { _ in 0 }, id: (Int32) -> String)
        -> [Placed]
    {
        guard let requestID, band > 0, let best = entries.first?.score else {
            return entries.prefix(limit).map { Placed(entry: $0) }
        }
        let close = entries.prefix { $0.score >= best - band }.count
        let seed = Self.hash(requestID)
        struct Turn {
            let place: Int
            let asked: Double
            let key: UInt64
            let entry: Pipeline.Entry
        }
        var turn: [Turn] = []
        for (place, entry) in entries.prefix(close).enumerated() {
            let key = Self.mix(seed ^ Self.hash(id(entry.candidate)))
            turn.append(Turn(place: place, asked: askHours(entry.candidate), key: key, entry: entry))
        }
        turn.sort { a, b in
            if a.asked != b.asked { return a.asked < b.asked }
            return a.key != b.key ? a.key < b.key : a.place < b.place
        }
        var placed = turn.map { Placed(entry: $0.entry) }
        // Within the band: who is now before a higher score, or after a lower one.
        var lowest = Double.infinity
        for i in placed.indices {
            placed[i].back = lowest < placed[i].entry.score
            lowest = min(lowest, placed[i].entry.score)
        }
        var highest = -Double.infinity
        for i in placed.indices.reversed() {
            placed[i].forward = highest > placed[i].entry.score
            if placed[i].forward { placed[i].back = false }
            highest = max(highest, placed[i].entry.score)
        }
        placed += entries[close...].map { Placed(entry: $0) }
        return Array(placed.prefix(limit))
    }

    /// FNV-1a over the UTF-8 bytes: the same on every machine and in every run, unlike `Hasher`.
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return mix(h)
    }

    /// SplitMix64's finaliser: spreads every input bit over the whole word.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The reason a helper put before others scoring a little higher is given.
    static let forwardReason = "Close to the others listed; put forward in turn so that asks are shared"
    /// The reason a helper listed after others scoring a little lower is given.
    static let backReason =
        "Scores a little above some listed before; close ones are put forward in turn so that asks are shared"

    /// The note on a ranking where helpers took turns.
    func note(count: Int) -> String {
        "The \(count) helpers scoring within \(Self.text(band)) of the best are listed in turn for this request, so that asks are shared"
    }

    /// A band as scores are read, to two decimals: 0.10.
    static func text(_ band: Double) -> String {
        let hundredths = Int((band * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}

extension HelperJob {
    /// The ranking with the helpers close to the best put forward in turn when the request has
    /// an id and ``EngineConfiguration/askSharingBand`` is above 0 (``AskSharing``); scores and
    /// factors stay the true ones, and each helper moved says so in its reasons.
    func rankingSharingAsks(_ sharing: AskSharing, limit: Int) -> Ranking {
        guard sharing.isActive else { return Pipeline.ranking(self, limit: limit) }
        let pool = max(limit, index.configuration.askSharingPool)
        let (entries, considered, excluded) = ranked(limit: pool)
        let ids = index.members.ids
        let index = index
        let placed = sharing.order(entries, limit: limit, askHours: { index.askHours(Int($0)) }) { ids[Int($0)] }
        var ranking = Ranking(matches: [], considered: considered, excluded: excluded)
        var turned = 0
        for p in placed {
            var match = match(p.entry.candidate, score: p.entry.score, factors: p.entry.factors)
            if p.forward {
                match.reasons.append(AskSharing.forwardReason)
            } else if p.back {
                match.reasons.append(AskSharing.backReason)
            }
            if p.forward || p.back { turned += 1 }
            ranking.matches.append(match)
        }
        if turned > 0 {
            let close = entries.prefix { $0.score >= entries[0].score - sharing.band }.count
            ranking.notes.append(sharing.note(count: close))
        }
        return ranking
    }
}
