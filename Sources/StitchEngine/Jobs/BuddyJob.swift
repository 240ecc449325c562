import StitchModel

/// The member best placed to go along with a referred person to an activity the first time.
///
/// Candidates: the activity's attendees, and members near the person who share its interest.
/// A buddy meets every constraint (safeguarding both ways, can get there, can take part, is free
/// at the activity's time, is not overloaded) and scores on knowing the activity, living near
/// the person, being free then, and the bridging value of the new tie, blended with how well
/// they fit the person (``BuddyFit``: shared lived experience, interests, language, age).
struct BuddyJob: ScoringJob {
    let index: CommunityIndex
    let weights: FactorWeights
    let person: PersonFeatures
    let activity: Int
    let table: SkillMatchTable
    let bridging: BridgingFactor
    let avoided: Set<Int32>
    /// The members the broker dismissed for this person ("not this one"): never their buddy.
    let dismissed: Set<Int32>
    /// Members within ``searchKm`` of the person (``nearby(_:index:)``), shared by the buddy
    /// searches of one referral.
    let nearby: [Int32]
    let countsExclusions: Bool
    let referenceYear: Int32
    /// How far from the person to look for buddies who do not attend yet, in km.
    static let searchKm = 6.0

    /// - Parameter countsExclusions: false when only the best buddy matters and nobody reads
    ///   the exclusion counts (a referral's buddy): hopeless candidates then skip their constraints.
    init(
        index: CommunityIndex, person: PersonFeatures, activity: Int, bridging: BridgingFactor, avoided: Set<Int32>, weights: FactorWeights,
        nearby: [Int32], countsExclusions: Bool
    ) {
        self.nearby = nearby
        self.countsExclusions = countsExclusions
        referenceYear = Int32(index.today.year)
        self.index = index
        self.weights = weights
        self.person = person
        self.activity = activity
        var table = SkillMatchTable(vocabularySize: index.vocabulary.count)
        table.add(wanted: Array(index.activities.topics[activity]), graph: index.skills)
        self.table = table
        self.bridging = bridging
        self.avoided = avoided
        dismissed = index.dismissedMembers(of: person.id)
    }

    private func attends(_ m: Int32) -> Bool { index.attends.sortedRow(Int(m), contains: Int32(activity)) }

    /// The members within ``searchKm`` of a person with a location (none without one).
    static func nearby(_ person: PersonFeatures, index: CommunityIndex) -> [Int32] {
        guard let location = person.location else { return [] }
        let limit = GreatCircle.chordSquared(forKm: searchKm)
        var found: [Int32] = []
        index.memberGrid.forEachCandidate(near: location, radiusKm: searchKm) { m in
            if person.position.chordSquared(to: index.members.position[Int(m)]) <= limit { found.append(m) }
        }
        return found
    }

    /// The activity's attendees first (they know it: the strongest buddies, which lets the
    /// pipeline skip most of the rest), then nearby members who share its interest.
    @inline(__always)
    func forEachCandidate(_ body: (Int32) -> Void) {
        var seen = [UInt64](repeating: 0, count: (index.members.count + 63) / 64)
        @inline(__always) func first(_ m: Int32) -> Bool {
            let bit: UInt64 = 1 << UInt64(m & 63)
            guard seen[Int(m) >> 6] & bit == 0 else { return false }
            seen[Int(m) >> 6] |= bit
            return true
        }
        for m in index.attendees[activity] where first(m) { body(m) }
        for m in nearby where level(m) >= SkillLevels.sibling && first(m) { body(m) }
    }

    /// True when a member's interests or offers come close enough to the activity's topics.
    func sharesInterest(_ m: Int32) -> Bool { level(m) >= SkillLevels.sibling }

    /// The factors that do not depend on the activity, clamped: locality to the person,
    /// wellbeing and reciprocity (the others 0; bridging, also free of the activity, is left to
    /// the full score).
    ///
    /// - Parameter km: the member's distance from the person, `nil` when either has no location.
    static func activityFreeFactors(_ c: Int32, km: Double?, index: CommunityIndex) -> FactorScores {
        let m = Int(c)
        var f = FactorScores()
        f.locality = km.map(Formulas.locality) ?? Formulas.neutral
        f.wellbeing = index.members.giverWellbeing[m]
        f.reciprocity = index.giverReciprocity(m)
        return f.clamped()
    }

    /// How well a member's interests or offers match the activity.
    @inline(__always)
    func level(_ m: Int32) -> Double {
        max(table.best(index.members.interests[Int(m)]).level, table.best(index.members.offers[Int(m)]).level)
    }

    /// Every factor exact but bridging (the network model's O(k) distance), at 1.
    func optimisticFactors(_ c: Int32) -> FactorScores {
        var f = factors(c, bridging: false)
        f.bridging = 1
        return f
    }

    func idRank(_ candidate: Int32) -> Int32 { index.memberIDRank[Int(candidate)] }

    private func distanceToPerson(_ m: Int) -> Double? {
        guard person.has(.hasLocation), index.members.has(m, .hasLocation) else { return nil }
        return GreatCircle.distanceKm(person.position, index.members.position[m])
    }

    private func coverage(_ m: Int) -> Double {
        index.activities.bestCoverage(activity) { index.members.availability.overlapMinutes(row: m, with: $0) } ?? 0
    }

    /// The availability factor of a member who does not attend yet (``factors(_:)`` gives 1 to one
    /// who does).
    func newcomerAvailability(_ m: Int32) -> Double {
        index.activities.sessions[activity].isEmpty ? Formulas.neutral : coverage(Int(m))
    }

    func checkConstraints(_ c: Int32, _ r: inout ConstraintReport) {
        let m = Int(c)
        let isSelf = person.memberIndex == c
        guard r.check(.self, !isSelf, isSelf ? "Is the person referred" : "Not the person referred") else { return }
        let gone = !dismissed.isEmpty && dismissed.contains(c)
        guard r.check(.dismissed, !gone, index.dismissalDetail(subject: person.id, candidate: index.members.ids[m])) else { return }
        guard r.check(.inactive, index.members.has(m, .active), index.members.has(m, .active) ? "Active member" : "Not an active member") else { return }
        let clash = !avoided.isEmpty && avoided.contains(c)
        guard r.check(.safeguarding, !clash, clash ? "A safeguarding exclusion is recorded" : "No safeguarding exclusion") else { return }
        let online = index.activities.online[activity]
        let unmet = online ? 0 : index.members.accessNeeds[m] & ~index.activities.access[activity]
        guard r.check(.access, unmet == 0, unmet == 0 ? "Can take part" : "The activity does not meet their own access needs") else { return }
        var reachable = online || !index.members.has(m, .housebound)
        let km = distanceToPerson(m)
        if let km, km > index.members.travelKm[m] { reachable = false }
        if !online, index.activities.location[activity] != nil, index.members.has(m, .hasLocation),
            GreatCircle.distanceKm(index.members.position[m], index.activities.position[activity]) > index.members.travelKm[m]
        {
            reachable = false
        }
        guard r.check(.distance, reachable, km.map { "\(Formulas.distanceText($0)) from the person" } ?? "Distance unknown") else { return }
        let eligible = index.activities.admits(age: index.members.birthYear[m] > 0 ? referenceYear - index.members.birthYear[m] : nil, activity)
        guard r.check(.age, eligible, eligible ? "Within the age range" : "Outside the age range") else { return }
        let away = index.activities.awayForEverySession(activity, index.members.away[m])
        let free = away == nil
            && (attends(c) || index.activities.sessions[activity].isEmpty || (index.members.availability.isKnown[m] && coverage(m) > 0))
        guard r.check(.availability, free, away.map { "Away \($0)" } ?? (free ? "Free at the activity's time" : "Not known to be free at the activity's time")) else { return }
        let recent = index.ledger.recentHours[m]
        guard r.check(.overload, recent <= index.configuration.overloadHours, "Gave \(Formulas.hoursText(recent)) in the last \(index.configuration.overloadWindowDays) days") else { return }
        let language = languageFit(m)
        _ = r.check(.language, language.passes, language.detail)
    }

    /// How the buddy's languages meet the person's (an interpreter counts only for the person).
    @inline(__always)
    func languageFit(_ m: Int) -> LanguageFit {
        LanguageFit(person: person.languages, other: index.members.languages[m], interpreter: person.has(.interpreter))
    }

    func factors(_ c: Int32) -> FactorScores { factors(c, bridging: true) }

    /// How well the member fits the person (``BuddyFit``).
    func fit(_ c: Int32) -> BuddyFit { BuddyFit.of(person, member: Int(c), index: index) }

    /// The weighted factors blended with the fit (``BuddyFit/blend(_:fit:)``).
    func score(_ c: Int32, factors f: FactorScores) -> Double { BuddyFit.blend(weights.combine(f), fit: fit(c).value) }

    @inline(__always)
    private func factors(_ c: Int32, bridging withBridging: Bool) -> FactorScores {
        let m = Int(c)
        var f = Self.activityFreeFactors(c, km: distanceToPerson(m), index: index)
        f.skill = (attends(c) ? 1 : level(c)) * languageFit(m).share
        f.availability = attends(c) ? 1 : newcomerAvailability(c)
        if withBridging { f.bridging = bridging.value(toMember: c) }
        return f
    }

    func match(_ c: Int32, score: Double, factors f: FactorScores) -> Match {
        let m = Int(c)
        var reasons: [String] = []
        if attends(c) {
            reasons.append("Goes to \(index.activities.names[activity]) already")
        } else {
            let i = table.best(index.members.interests[m]), o = table.best(index.members.offers[m])
            let best = i.level >= o.level ? i : o
            if best.term >= 0 { reasons.append(table.reason(term: best.term, vocabulary: index.vocabulary, verb: i.level >= o.level ? "Interested in" : "Offers")) }
            if !index.activities.sessions[activity].isEmpty { reasons.append("Free at the activity's time") }
        }
        let fit = self.fit(c)
        reasons += fit.reasons(vocabulary: index.vocabulary)
        if let language = languageFit(m).reason(communityLanguage: LanguageCode.packed(index.configuration.communityLanguage)) {
            reasons.append(language)
        }
        let km = distanceToPerson(m)
        if let km { reasons.append("Lives \(Formulas.distanceText(km)) from them") }
        if let b = bridging.reason(value: f.bridging, member: c) { reasons.append(b) }
        return Match(id: index.members.ids[m], kind: .member, name: index.members.names[m], score: score, factors: f, reasons: reasons, distanceKm: km)
    }
}
