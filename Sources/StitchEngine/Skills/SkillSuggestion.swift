import StitchModel

extension SkillGraph {
    /// The taxonomy entry a person probably meant by words that found nobody: the nearest in
    /// meaning when the engine has a model, else the id or synonym nearest in spelling
    /// (``NearestWord``, the one "did you mean" of every refusal). `nil` when nothing is near.
    func suggestion(for words: String) -> String? {
        if let entry = nearestEntry(toWords: words) { return vocabulary.label(entry) }
        let key = SkillTaxonomy.normalise(words)
        guard !key.isEmpty else { return nil }
        let taxonomy = vocabulary.lookup.lazy.filter { Int($0.value) < self.vocabulary.taxonomyCount }
        return NearestWord.nearest(to: key, among: taxonomy, text: \.key).map { vocabulary.label($0.value) }
    }
}
