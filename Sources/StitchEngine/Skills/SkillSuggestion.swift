import StitchModel

extension SkillGraph {
    /// The taxonomy entry a person probably meant by words that found nobody: the nearest in
    /// meaning when the engine has a model, else the id or synonym fewest edits away (at most
    /// two, or a quarter of the length for long words). `nil` when nothing is near.
    func suggestion(for words: String) -> String? {
        if let entry = nearestEntry(toWords: words) { return vocabulary.label(entry) }
        let key = SkillTaxonomy.normalise(words)
        guard !key.isEmpty else { return nil }
        let allowed = max(2, key.count / 4)
        var best: (distance: Int, term: Int32)?
        for (text, term) in vocabulary.lookup where Int(term) < vocabulary.taxonomyCount {
            guard abs(text.count - key.count) <= allowed else { continue }
            let d = Self.editDistance(Array(key.utf8), Array(text.utf8), limit: allowed)
            if d <= allowed, d < (best?.distance ?? Int.max) || (d == best?.distance && term < best!.term) { best = (d, term) }
        }
        return best.map { vocabulary.label($0.term) }
    }

    /// Levenshtein distance, stopping early past `limit` (then any value above it).
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowBest = min(rowBest, current[j])
            }
            if rowBest > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
