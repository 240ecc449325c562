import StitchModel

/// "Where can I give?": a member → other members' open needs and activities where their skills
/// are wanted (leading a session, volunteering in an activity tagged Give).
///
/// Candidates below the member count are members with a need; the rest are activities
/// (candidate − member count).
struct GiveJob: ScoringJob {
    let index: CommunityIndex
    let weights: FactorWeights
    let giver: PersonFeatures
    /// Needs the giver's offers can serve.
    let needs: SkillMatchTable
    /// Activity topics the giver's offers serve.
    let topics: SkillMatchTable
    let bridging: BridgingFactor
    let avoided: Set<Int32>
    let age: Int32?
    /// The members (by index) and activities (by member count + index) the giver has dismissed.
    let dismissed: Set<Int32>
    /// Level of a Give-tagged activity with no topic in common: a plain volunteering chance.
    static let volunteerLevel = 0.3

    init(index: CommunityIndex, giver: PersonFeatures, weights: FactorWeights) {
        self.index = index
        self.weights = weights
        self.giver = giver
        var needs = SkillMatchTable(vocabularySize: index.vocabulary.count)
        needs.add(offered: giver.offers + index.vocabulary.peerSupport(drawingOn: giver.experiences), graph: index.skills)
        self.needs = needs
        var topics = SkillMatchTable(vocabularySize: index.vocabulary.count)
        topics.add(offered: giver.offers, graph: index.skills)
        self.topics = topics
        bridging = BridgingFactor(index: index, subject: giver)
        avoided = index.safeguardingSet(for: giver)
        age = index.age(birthYear: giver.birthYear)
        let count = Int32(index.members.count)
        dismissed = index.dismissedMembers(of: giver.id).union(index.dismissedActivities(of: giver.id).map { count + $0 })
    }

    var memberCount: Int32 { Int32(index.members.count) }

    @inline(__always)
    func forEachCandidate(_ body: (Int32) -> Void) {
        var seen = [UInt64](repeating: 0, count: (index.members.count + index.activities.count + 63) / 64)
        @inline(__always) func first(_ c: Int32) -> Bool {
            let bit: UInt64 = 1 << UInt64(c & 63)
            guard seen[Int(c) >> 6] & bit == 0 else { return false }
            seen[Int(c) >> 6] |= bit
            return true
        }
        for term in needs.touched where Int(term) < index.needPostings.rowCount {
            for m in index.needPostings[Int(term)] where first(m) { body(m) }
        }
        for term in topics.touched where Int(term) < index.topicPostings.rowCount {
            for a in index.topicPostings[Int(term)] where first(memberCount + a) { body(memberCount + a) }
        }
        for a in index.giveActivities where first(memberCount + a) { body(memberCount + a) }
    }

    /// Every factor exact but bridging (the network model's O(k) distance), at 1.
    func optimisticFactors(_ c: Int32) -> FactorScores {
        var f = factors(c, bridging: false)
        f.bridging = 1
        return f
    }

    func idRank(_ candidate: Int32) -> Int32 {
        candidate < memberCount ? index.memberIDRank[Int(candidate)] : memberCount + index.activityIDRank[Int(candidate - memberCount)]
    }

    private func distanceKm(_ c: Int32) -> Double? {
        guard giver.has(.hasLocation) else { return nil }
        if c < memberCount {
            guard index.members.has(Int(c), .hasLocation) else { return nil }
            return GreatCircle.distanceKm(giver.position, index.members.position[Int(c)])
        }
        let a = Int(c - memberCount)
        guard !index.activities.online[a], index.activities.location[a] != nil else { return nil }
        return GreatCircle.distanceKm(giver.position, index.activities.position[a])
    }

    /// A candidate's id: a member's, or an activity's.
    private func candidateID(_ c: Int32) -> String {
        c < memberCount ? index.members.ids[Int(c)] : index.activities.ids[Int(c - memberCount)]
    }

    func checkConstraints(_ c: Int32, _ r: inout ConstraintReport) {
        let gone = !dismissed.isEmpty && dismissed.contains(c)
        guard r.check(.dismissed, !gone, index.dismissalDetail(subject: giver.id, candidate: candidateID(c))) else { return }
        if c < memberCount {
            let m = Int(c)
            let isSelf = giver.memberIndex == c
            guard r.check(.self, !isSelf, isSelf ? "Is the member themself" : "Another member") else { return }
            guard r.check(.inactive, index.members.has(m, .active), index.members.has(m, .active) ? "Active member" : "Not an active member") else { return }
            let clash = !avoided.isEmpty && avoided.contains(c)
            guard r.check(.safeguarding, !clash, clash ? "A safeguarding exclusion is recorded" : "No safeguarding exclusion") else { return }
            let home = index.members.has(m, .housebound)
            let visits = !home || giver.has(.homeVisits)
            guard r.check(.homeVisits, visits, home ? (visits ? "Does home visits" : "They are housebound and need a home visit") : "Not housebound") else { return }
            let rule = visitRule(m)
            guard r.check(.gender, rule.genderPasses(giver.visit), rule.genderDetail(giver.visit)) else { return }
            guard r.check(.home, rule.homePasses(giver.visit), rule.homeDetail(giver.visit)) else { return }
            let km = distanceKm(c)
            let within = !giver.has(.housebound) && (km.map { $0 <= giver.travelKm } ?? true)
            guard r.check(.distance, within, km.map { "\(Formulas.distanceText($0)) away" } ?? "Distance unknown") else { return }
            let both = giver.has(.hasAvailability) && index.members.availability.isKnown[m]
            let free = !both || index.members.availability.overlapMinutes(row: m, with: giver.availability) > 0
            guard r.check(.availability, free, both ? (free ? "Free at the same times" : "Never free at the same times") : "Availability not given") else { return }
            let language = languageFit(m)
            _ = r.check(.language, language.passes, language.detail)
            return
        }
        let a = Int(c - memberCount)
        let online = index.activities.online[a]
        let unmet = online ? 0 : giver.accessNeeds & ~index.activities.access[a]
        guard r.check(.access, unmet == 0, unmet == 0 ? "Can take part" : "Does not meet: \(ReferralJob.terms(unmet))") else { return }
        let km = distanceKm(c)
        let within = online || (!giver.has(.housebound) && (km.map { $0 <= giver.travelKm } ?? true))
        guard r.check(.distance, within, online ? "Online" : km.map { "\(Formulas.distanceText($0)) away" } ?? "Distance unknown") else { return }
        let eligible = index.activities.admits(age: age, a)
        guard r.check(.age, eligible, eligible ? "Within the age range" : "Outside the age range") else { return }
        let clash = !avoided.isEmpty && index.attendees[a].contains { avoided.contains($0) }
        _ = r.check(.safeguarding, !clash, clash ? "Someone this member must not meet attends" : "No safeguarding exclusion")
    }

    /// Who may come to the home of the member in need (``HomeVisitRule``), the giver being the
    /// helper: it applies when they are housebound or their need the giver serves best is
    /// personal help.
    func visitRule(_ m: Int) -> HomeVisitRule {
        let best = needs.best(index.members.needs[m])
        let applies = index.members.has(m, .housebound) || HomeVisitRule.isPersonalHelp(best.term, vocabulary: index.vocabulary)
        return HomeVisitRule(applies: applies, person: index.members.visit[m], asked: nil)
    }

    /// How the giver's languages meet those of the member in need (whose interpreter counts).
    @inline(__always)
    func languageFit(_ m: Int) -> LanguageFit {
        LanguageFit(person: index.members.languages[m], other: giver.languages, interpreter: index.members.has(m, .interpreter))
    }

    func factors(_ c: Int32) -> FactorScores { factors(c, bridging: true) }

    @inline(__always)
    private func factors(_ c: Int32, bridging withBridging: Bool) -> FactorScores {
        var f = FactorScores()
        f.locality = distanceKm(c).map(Formulas.locality) ?? (c >= memberCount && index.activities.online[Int(c - memberCount)] ? 1 : Formulas.neutral)
        if c < memberCount {
            let m = Int(c)
            f.skill = needs.best(index.members.needs[m]).level * languageFit(m).share
            let both = giver.has(.hasAvailability) && index.members.availability.isKnown[m]
            f.availability = both ? min(1, Double(index.members.availability.overlapMinutes(row: m, with: giver.availability)) / 120) : Formulas.neutral
            f.wellbeing = Formulas.giverWellbeing(giver.wellbeing, known: giver.has(.hasWellbeing))
            // Someone who has given much and now needs help comes first.
            f.reciprocity = 1 - Formulas.needToGive(balance: index.ledger.standing(m))
            if withBridging { f.bridging = bridging.value(toMember: c) }
            return f
        }
        let a = Int(c - memberCount)
        f.skill = max(topics.best(index.activities.topics[a]).level, index.activities.serves(a, .give) ? Self.volunteerLevel : 0)
        f.availability = giver.has(.hasAvailability)
            ? index.activities.bestCoverage(a) { $0.overlapMinutes(with: giver.availability) } ?? Formulas.neutral
            : Formulas.neutral
        f.wellbeing = Formulas.goalCoverage(giver.wellbeing, tags: index.activities.wellbeing[a] | WellbeingWay.give.bit) ?? Formulas.neutral
        f.reciprocity = index.activities.serves(a, .give) ? 1 : 0.6
        if withBridging { f.bridging = bridging.value(toActivity: Int32(a)) }
        return f
    }

    func match(_ c: Int32, score: Double, factors f: FactorScores) -> Match {
        let km = distanceKm(c)
        var reasons: [String] = []
        if c < memberCount {
            let m = Int(c)
            let best = needs.best(index.members.needs[m])
            var match = Match(id: index.members.ids[m], kind: .need, name: index.members.names[m], score: score, factors: f, reasons: [], distanceKm: km)
            if best.term >= 0 {
                match.skill = index.vocabulary.label(best.term)
                let offer = needs.viaTerm(best.term)
                let need = index.vocabulary.label(best.term)
                reasons.append(offer == best.term ? "Needs \(need)" : "Needs \(need): you offer \(index.vocabulary.label(offer))")
            }
            if let language = languageFit(m).reason(communityLanguage: LanguageCode.packed(index.configuration.communityLanguage)) {
                reasons.append(language)
            }
            if let asked = visitRule(m).reason(giver.visit) { reasons.append(asked) }
            if index.members.has(m, .housebound) { reasons.append("Housebound: a home visit") }
            if let km { reasons.append("\(Formulas.distanceText(km)) away") }
            if f.reciprocity >= 0.8 { reasons.append("Has given much to others") }
            reasons += index.ledgerReasons(m)
            if let b = bridging.reason(value: f.bridging, member: c) { reasons.append(b) }
            match.reasons = reasons
            return match
        }
        let a = Int(c - memberCount)
        let best = topics.best(index.activities.topics[a])
        if best.term >= 0, best.level > Self.volunteerLevel {
            reasons.append("Could share \(index.vocabulary.label(topics.viaTerm(best.term))): it is about \(index.vocabulary.label(best.term))")
        }
        if index.activities.serves(a, .give) { reasons.append("Welcomes volunteers (Give)") }
        if index.activities.online[a] { reasons.append("Online: no travel") } else if let km { reasons.append("\(Formulas.distanceText(km)) away") }
        if let b = bridging.reason(value: f.bridging) { reasons.append(b) }
        return Match(id: index.activities.ids[a], kind: .activity, name: index.activities.names[a], score: score, factors: f, reasons: reasons, distanceKm: km)
    }
}
