import StitchModel

/// The generator's skills resolved against a taxonomy: every term used becomes a dense index
/// whose name is the taxonomy's canonical id.
///
/// Built-in skill names (``SkillCluster``, ``NeedTables``) are looked up by id or synonym after
/// ``StitchModel/SkillTaxonomy/normalise(_:)``; a name the taxonomy does not know is kept as free
/// text, so generation works with any taxonomy (with the bundled one, every name resolves).
struct SkillPalette: Sendable {
    /// A short weighted list of skill indices, sampled by linear scan.
    struct Weighted: Sendable {
        var items: [Int] = []
        var weights: [Double] = []

        init() {}

        init(_ pairs: [(String, Double)], palette: inout SkillPalette) {
            for (name, weight) in pairs {
                let index = palette.intern(name)
                if let existing = items.firstIndex(of: index) {
                    weights[existing] += weight
                } else {
                    items.append(index)
                    weights.append(weight)
                }
            }
        }

        var isEmpty: Bool { items.isEmpty }

        func sample(_ random: inout Xoshiro256StarStar) -> Int { items[random.index(weights: weights)] }
    }

    struct Cluster: Sendable {
        var source: SkillCluster
        var offers: Weighted
        var interests: Weighted
    }

    /// Canonical ids by index: the taxonomy's entries in order, then free-text names.
    private(set) var ids: [String] = []
    /// Parent index by index (-1 for none).
    private(set) var parents: [Int] = []
    private var lookup: [String: Int] = [:]
    let taxonomyCount: Int

    private(set) var clusters: [Cluster] = []
    private(set) var fromHome: [Int] = []
    private(set) var inTheirHome: [Bool] = []
    /// Leaves of the taxonomy (entries with a parent and no lived experience): the long tail of offers.
    private(set) var longTail: [Int] = []
    private(set) var olderNeeds = Weighted()
    private(set) var workingAgeNeeds = Weighted()
    private(set) var parentNeeds = Weighted()
    private(set) var newToEnglishNeeds = Weighted()
    private(set) var houseboundNeeds = Weighted()
    private(set) var prisonNeeds = Weighted()
    /// Lived experiences with the peer-support skill that draws on each (if the taxonomy has one).
    private(set) var experiences: [(name: String, skill: Int?, weight: Double, minAge: Int)] = []

    init(taxonomy: SkillTaxonomy) {
        taxonomyCount = taxonomy.skills.count
        for (i, entry) in taxonomy.skills.enumerated() {
            ids.append(entry.id)
            lookup[SkillTaxonomy.normalise(entry.id)] = i
        }
        for (i, entry) in taxonomy.skills.enumerated() {
            for synonym in entry.synonyms where lookup[SkillTaxonomy.normalise(synonym)] == nil {
                lookup[SkillTaxonomy.normalise(synonym)] = i
            }
        }
        parents = taxonomy.skills.map { entry in entry.parent.flatMap { lookup[SkillTaxonomy.normalise($0)] } ?? -1 }
        longTail = taxonomy.skills.indices.filter { parents[$0] >= 0 && taxonomy.skills[$0].experience == nil }

        for source in SkillCluster.all {
            let offers = Weighted(source.offers, palette: &self)
            let interests = Weighted(source.interests, palette: &self)
            clusters.append(Cluster(source: source, offers: offers, interests: interests))
        }
        fromHome = SkillCluster.fromHome.map { intern($0) }
        let visiting = SkillCluster.inTheirHome.sorted().map { intern($0) }
        olderNeeds = Weighted(NeedTables.older, palette: &self)
        workingAgeNeeds = Weighted(NeedTables.workingAge, palette: &self)
        parentNeeds = Weighted(NeedTables.parents, palette: &self)
        newToEnglishNeeds = Weighted(NeedTables.newToEnglish, palette: &self)
        houseboundNeeds = Weighted(NeedTables.housebound, palette: &self)
        prisonNeeds = Weighted(NeedTables.prison, palette: &self)
        for item in NeedTables.experiences {
            let skill = taxonomy.skills.firstIndex { $0.experience.map(SkillTaxonomy.normalise) == item.experience }
            experiences.append((item.experience, skill, item.weight, item.minAge))
        }
        inTheirHome = Array(repeating: false, count: ids.count)
        for index in visiting { inTheirHome[index] = true }
    }

    var count: Int { ids.count }

    /// The index of a term: its taxonomy entry, or a free-text entry added now.
    mutating func intern(_ name: String) -> Int {
        let key = SkillTaxonomy.normalise(name)
        if let index = lookup[key] { return index }
        ids.append(key)
        parents.append(-1)
        inTheirHome.append(false)
        lookup[key] = ids.count - 1
        return ids.count - 1
    }

    /// The index of a term if known.
    func index(of name: String) -> Int? { lookup[SkillTaxonomy.normalise(name)] }

    /// The canonical id of a term: its taxonomy id, or the normalised term itself.
    func canonical(_ name: String) -> String { index(of: name).map { ids[$0] } ?? SkillTaxonomy.normalise(name) }

    /// The cluster named `name`.
    func cluster(named name: String) -> Int? { clusters.firstIndex { $0.source.name == name } }
}
