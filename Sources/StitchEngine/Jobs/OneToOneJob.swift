import StitchModel

/// A referral's one-to-one support: members who befriend, go along to appointments or give peer
/// support (``OneToOneSupport``), for a person beside the group activities.
///
/// The hard constraints are a who-can-help helper's, run by a ``HelperJob`` for the person (active,
/// avoid lists, dismissals, the person asking, DBS, home visits, distance, times, overload,
/// language): for a housebound person the support is at home, so it needs a member who does home
/// visits and holds a DBS check in date on the day judged. Scoring uses the helper's factors,
/// with the wellbeing factor the share of the person's Five Ways goals the support serves, and
/// the skill factor full for peer support from an experience the person shares.
struct OneToOneJob: ScoringJob {
    let index: CommunityIndex
    let weights: FactorWeights
    let person: PersonFeatures
    /// Who-can-help's constraints and factors for this person.
    let helper: HelperJob
    /// The one-to-one kind of each vocabulary term (`nil`: not one-to-one support).
    let kindOf: [OneToOneSupport?]
    /// The terms of one-to-one support, their postings being the candidates.
    let terms: [Int32]
    /// The lived experiences of the person (their own, and the referral's needs that are one).
    let experiences: Set<Int32>
    let goals: FiveWays
    /// The kinds of support the person's own needs ask for (a need of `befriending`).
    let asked: Set<OneToOneSupport>
    /// A visit at home: the person is housebound.
    let atHome: Bool

    init(index: CommunityIndex, person: PersonFeatures, referral: Referral, goals: FiveWays, needs: [String], weights: FactorWeights) {
        self.index = index
        self.weights = weights
        self.person = person
        self.goals = goals
        atHome = person.has(.housebound)
        // A visit at home needs a DBS check in date (enhanced, as who-can-help asks by default).
        let request = HelpRequest(
            requester: person.memberIndex == nil ? nil : person.id, skill: OneToOneSupport.befriending.taxonomyID, when: referral.when,
            atHome: atHome, requiresDBS: atHome, location: person.location, interpreter: referral.interpreter)
        helper = HelperJob(index: index, request: request, requester: person, weights: weights)
        let kindOf = Self.kinds(index.vocabulary)
        self.kindOf = kindOf
        terms = kindOf.indices.filter { kindOf[$0] != nil }.map { Int32($0) }
        var experiences = Set(person.experiences)
        for need in needs {
            if let term = index.vocabulary.index(of: need), index.vocabulary.experienceOf.contains(term) { experiences.insert(term) }
        }
        self.experiences = experiences
        asked = Set(person.needs.compactMap { Int($0) < kindOf.count ? kindOf[Int($0)] : nil })
    }

    /// The one-to-one kind of every term: the kind whose taxonomy entry is the term or one of
    /// its ancestors.
    static func kinds(_ vocabulary: SkillVocabulary) -> [OneToOneSupport?] {
        var roots: [Int32: OneToOneSupport] = [:]
        for kind in OneToOneSupport.allCases {
            if let term = vocabulary.index(of: kind.taxonomyID) { roots[term] = kind }
        }
        return (0..<vocabulary.count).map { t in
            let term = Int32(t)
            return roots[term] ?? vocabulary.ancestors(of: term).lazy.compactMap { roots[$0] }.first
        }
    }

    func forEachCandidate(_ body: (Int32) -> Void) {
        var seen = Set<Int32>()
        for term in terms where Int(term) < index.offerPostings.rowCount {
            for m in index.offerPostings[Int(term)] where seen.insert(m).inserted { body(m) }
        }
    }

    func idRank(_ candidate: Int32) -> Int32 { index.memberIDRank[Int(candidate)] }

    func checkConstraints(_ c: Int32, _ r: inout ConstraintReport) { helper.checkConstraints(c, &r) }

    /// What the member offers that serves the person best: the kind, the term, how well it
    /// serves and the experience shared. Befriending and going along count 1 when the person's
    /// needs ask for that kind, 0.6 otherwise; peer support 1 from an experience the person
    /// shares, 0.6 general, 0.3 from an experience they do not share.
    func offer(_ m: Int) -> (kind: OneToOneSupport, term: Int32, level: Double, shared: Int32)? {
        var best: (kind: OneToOneSupport, term: Int32, level: Double, shared: Int32)?
        for term in index.members.offers[m] {
            guard Int(term) < kindOf.count, let kind = kindOf[Int(term)] else { continue }
            var level = asked.contains(kind) ? 1.0 : 0.6, shared: Int32 = -1
            if kind == .peerSupport {
                let experience = index.vocabulary.experienceOf[Int(term)]
                if experience >= 0, experiences.contains(experience) {
                    shared = experience
                    level = 1
                } else {
                    level = experience >= 0 ? 0.3 : 0.6
                }
            }
            if level > (best?.level ?? 0) { best = (kind, term, level, shared) }
        }
        return best
    }

    func factors(_ c: Int32) -> FactorScores {
        let m = Int(c)
        let found = offer(m)
        var f = helper.factors(c, skill: (found?.level ?? 0) * helper.languageFit(m).share, bridging: true)
        f.wellbeing = found.flatMap { Formulas.goalCoverage(goals, tags: $0.kind.wayBits) } ?? Formulas.neutral
        return f
    }

    func match(_ c: Int32, score: Double, factors f: FactorScores) -> Match {
        let m = Int(c)
        let found = offer(m)
        var match = helper.match(c, score: score, factors: f)
        // The helper's first reason names the skill asked of it; a one-to-one result says what it is.
        if let first = match.reasons.first, first.hasPrefix("Offers ") || first.hasPrefix("Has lived experience") { match.reasons.removeFirst() }
        var reasons: [String] = []
        if let found {
            var headline = found.kind.giver
            if atHome { headline += ", visits at home" }
            if let check = index.members.dbs[m] {
                headline += check.checked.map { "; DBS checked \($0.year)" } ?? "; DBS checked"
            }
            reasons.append(headline)
            if found.shared >= 0 {
                reasons.append("Shares lived experience of \(index.vocabulary.label(found.shared))")
            } else if found.kind == .peerSupport {
                reasons.append("Offers \(index.vocabulary.label(found.term)); no shared experience known")
            } else if index.vocabulary.key(found.term) != found.kind.taxonomyID {
                reasons.append("Offers \(index.vocabulary.label(found.term))")
            }
            if asked.contains(found.kind) {
                reasons.append("Their needs include \(index.vocabulary.label(index.vocabulary.index(of: found.kind.taxonomyID) ?? found.term))")
            }
            let served = Formulas.ways(found.kind.wayBits, among: goals.total > 0 ? goals : nil)
            if !served.isEmpty { reasons.append("Serves \(Formulas.list(served))") }
        }
        // Who-can-help's DBS line is only there when asked; the headline above carries it.
        match.reasons = reasons + match.reasons.filter { !$0.hasSuffix("DBS checked") }
        match.support = found?.kind
        return match
    }
}
