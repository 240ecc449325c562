extension SkillTaxonomy {
    /// Other spellings of a normalised term that may name the same taxonomy entry, nearest first:
    /// every word made singular, the last word alone made singular, then the last word made plural
    /// (`lunch-clubs` → `lunch-club`; `walking-groups` → `walking-group`; `talk` → `talks`).
    ///
    /// A term that is itself an id or synonym never needs these; a term that is not is matched to
    /// the first of these that is, so "Lunch Clubs" in an Open Referral taxonomy or a CSV skill
    /// cell finds the taxonomy's `lunch-club`. They are tried against taxonomy entries only, never
    /// to join two free-text terms. Verb forms are not folded (`gardening` is not `garden`): a
    /// taxonomy lists such pairs as synonyms when they mean the same.
    ///
    /// - Parameter key: a term normalised with ``normalise(_:)``.
    public static func inflections(of key: String) -> [String] {
        let words = key.split(separator: "-").map(String.init)
        guard let last = words.last else { return [] }
        var out: [String] = []
        func add(_ candidate: [String]) {
            let joined = candidate.joined(separator: "-")
            if joined != key, !out.contains(joined) { out.append(joined) }
        }
        add(words.map { singular($0) ?? $0 })
        if let one = singular(last) { add(words.dropLast() + [one]) }
        if singular(last) == nil, let many = plural(last) { add(words.dropLast() + [many]) }
        return out
    }

    /// The singular of an English plural (`clubs` → `club`, `classes` → `class`, `activities` →
    /// `activity`); `nil` for a word that does not look plural (`class`, `bus`, `analysis`).
    public static func singular(_ word: String) -> String? {
        guard word.count >= 4, word.hasSuffix("s"), word.allSatisfy(\.isLetter) else { return nil }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        for ending in ["sses", "ches", "shes", "xes", "zes"] where word.hasSuffix(ending) {
            return String(word.dropLast(2))
        }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return nil }
        return String(word.dropLast())
    }

    /// The plural of a singular word (`talk` → `talks`, `activity` → `activities`, `class` →
    /// `classes`); `nil` for a word ending in a single `s`.
    static func plural(_ word: String) -> String? {
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        if word.hasSuffix("ss") { return word + "es" }
        guard !word.hasSuffix("s") else { return nil }
        if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) {
            return String(word.dropLast()) + "ies"
        }
        if word.hasSuffix("ch") || word.hasSuffix("sh") || word.hasSuffix("x") || word.hasSuffix("z") {
            return word + "es"
        }
        return word + "s"
    }
}
