import StitchModel

/// A referral: a person → community activities that fit their interests, goals, times and needs.
///
/// Every activity is a candidate (a community has thousands at most), so that each one ruled
/// out is counted under its reason.
struct ReferralJob: ScoringJob {
    let index: CommunityIndex
    let weights: FactorWeights
    let person: PersonFeatures
    let goals: FiveWays
    let hasGoals: Bool
    let table: SkillMatchTable
    let bridging: BridgingFactor
    let age: Int32?
    /// Members this person must never be matched with (either side's avoid).
    let avoided: Set<Int32>
    let needToGive: Double
    /// The squared chord of the person's travel radius: "within reach" without trigonometry.
    let travelChordSquared: Double
    /// The wellbeing factor for each mask of ways an activity can serve (32 masks): worked out
    /// once per referral rather than once per activity.
    let wellbeingByTags: [Double]
    /// Words of the referral that are no term (its reason's clauses, interests in words), and
    /// how close each activity's name and description are to them (by slot; empty without).
    let words: [String]
    let about: [Double]
    let aboutVia: [Int32]
    /// The most the person can pay a session (the referral's, else their own); `nil` for no limit.
    let maxCost: Double?
    /// The person accepts an interpreter (the referral or their record says so).
    let interpreter: Bool
    let communityLanguage: UInt16?
    /// The activities the person has dismissed ("not this one").
    let dismissed: Set<Int32>
    /// The times the referral says the person is free, and whether it gives any.
    let when: WeekMask
    let whenGiven: Bool
    /// Who could give the person a lift to an activity beyond their travel radius.
    let lifts: LiftFinder

    /// - Parameters:
    ///   - reading: the referral's reason as read (``SkillGraph/read(reason:goalsGiven:)``):
    ///     its goals stand in when the referral gives none, and its clauses' words are wanted.
    ///   - withLifts: whether a lift may bring an activity beyond the person's radius within reach.
    init(
        index: CommunityIndex, person: PersonFeatures, referral: Referral, weights: FactorWeights,
        reading: ReadReason? = nil, withLifts: Bool = true
    ) {
        self.index = index
        self.weights = weights
        self.person = person
        let goals = referral.goals ?? reading?.reading.goals ?? (person.has(.hasWellbeing) ? person.wellbeing : FiveWays())
        self.goals = goals
        hasGoals = goals.total > 0
        var table = SkillMatchTable(vocabularySize: index.vocabulary.count)
        let extra = referral.interests.compactMap { index.vocabulary.index(of: $0) }
        table.add(wanted: person.interests + extra, graph: index.skills)
        // Words that are no term (interests in words, the reason's clauses), each embedded once:
        // their vectors reach the terms close to them and the activities' own words.
        let interestWords = referral.interests.filter { index.vocabulary.index(of: $0) == nil }
        let interestVectors = index.skills.vectors(for: interestWords) ?? []
        var words: [String] = [], vectors: [[Float]] = []
        for (w, v) in Array(zip(interestWords, interestVectors)) + Array(zip(reading?.clauses ?? [], reading?.vectors ?? [])) {
            table.add(words: w, vector: v, graph: index.skills)
            words.append(w)
            vectors.append(v)
        }
        table.add(wanted: person.offers, graph: index.skills, weight: 0.7)
        self.table = table
        self.words = words
        let about = index.skills.activityLevels(vectors: vectors, count: index.activities.count)
        self.about = about?.levels ?? []
        aboutVia = about?.via ?? []
        bridging = BridgingFactor(index: index, subject: person)
        dismissed = index.dismissedActivities(of: person.id)
        when = WeekMask(referral.when)
        whenGiven = when.minutes > 0
        age = index.age(birthYear: person.birthYear)
        avoided = index.safeguardingSet(for: person)
        lifts = withLifts
            ? LiftFinder(index: index, person: person, avoided: avoided, dismissed: index.dismissedMembers(of: person.id))
            : LiftFinder(none: index)
        travelChordSquared = GreatCircle.chordSquared(forKm: person.travelKm)
        wellbeingByTags = (0...Int(WellbeingWay.allBits)).map { Formulas.goalCoverage(goals, tags: UInt8($0)) ?? Formulas.neutral }
        maxCost = referral.maxCost ?? person.maxCost
        interpreter = referral.interpreter || person.has(.interpreter)
        communityLanguage = LanguageCode.packed(index.configuration.communityLanguage)
        needToGive = person.memberIndex.map { Formulas.needToGive(balance: index.ledger.standing(Int($0))) } ?? Formulas.neutral
    }

    @inline(__always)
    func forEachCandidate(_ body: (Int32) -> Void) {
        for a in 0..<index.activities.count where index.activities.live[a] { body(Int32(a)) }
    }

    /// Skill, wellbeing and reciprocity exact, locality from the straight-line distance (no
    /// trigonometry), availability and bridging at 1.
    func roughFactors(_ c: Int32) -> FactorScores {
        let a = Int(c)
        var f = FactorScores.ones
        f.skill = skill(a)
        if !index.activities.online[a] {
            let chord = isPlaced(a) ? person.position.chordSquared(to: index.activities.position[a]) : 0
            // Beyond the person's reach only a lift gets them there, and its locality is that of
            // the lift-giver, who may live nearer than the activity: no bound but 1.
            f.locality = isPlaced(a)
                ? (!lifts.isEmpty && chord > travelChordSquared ? 1 : Formulas.localityBound(chordSquared: chord))
                : Formulas.neutral
        }
        f.locality *= Formulas.costShare(index.activities.cost[a])
        f.wellbeing = wellbeing(a)
        f.reciprocity = reciprocity(a)
        return f
    }

    /// Every factor exact but bridging (a mean over the attendees' model distances), at 1.
    func optimisticFactors(_ c: Int32) -> FactorScores {
        var f = factors(c, bridging: false)
        f.bridging = 1
        return f
    }

    func idRank(_ candidate: Int32) -> Int32 { index.activityIDRank[Int(candidate)] }

    func distanceKm(_ a: Int) -> Double? {
        guard isPlaced(a) else { return nil }
        return GreatCircle.distanceKm(person.position, index.activities.position[a])
    }

    /// The lift that brings an activity beyond the person's travel radius within reach; `nil`
    /// when it is within reach anyway, not placed, or nobody free then can give one.
    func lift(_ a: Int) -> LiftFinder.Giver? {
        guard !lifts.isEmpty, isPlaced(a), !person.has(.housebound),
            !GreatCircle.within(person.position, index.activities.position[a], km: person.travelKm, chordSquared: travelChordSquared)
        else { return nil }
        return lifts.giver(for: a)
    }

    /// True when both the activity (in person, with a place) and the person have a location.
    @inline(__always)
    private func isPlaced(_ a: Int) -> Bool {
        !index.activities.online[a] && index.activities.location[a] != nil && person.has(.hasLocation)
    }

    /// The skill factor: the best of the activity's topics, or how close its name and
    /// description are to the referral's words.
    @inline(__always)
    private func skill(_ a: Int) -> Double {
        let topic = table.best(index.activities.topics[a]).level
        return (a < about.count ? max(topic, about[a]) : topic) * languageFit(a).share
    }

    /// How the activity's languages meet the person's.
    @inline(__always)
    func languageFit(_ a: Int) -> LanguageFit {
        LanguageFit(person: person.languages, other: index.activities.languages[a], interpreter: interpreter)
    }

    /// The share of the person's goals the activity serves (``wellbeingByTags``).
    private func wellbeing(_ a: Int) -> Double {
        wellbeingByTags[Int(index.activities.wellbeing[a] & WellbeingWay.allBits)]
    }

    private func reciprocity(_ a: Int) -> Double {
        index.activities.serves(a, .give) ? 0.5 + 0.5 * needToGive : 0.5 - 0.5 * needToGive
    }

    func checkConstraints(_ c: Int32, _ r: inout ConstraintReport) {
        let a = Int(c)
        let gone = !dismissed.isEmpty && dismissed.contains(c)
        guard r.check(.dismissed, !gone, index.dismissalDetail(subject: person.id, candidate: index.activities.ids[a])) else { return }
        let left = index.activities.remaining[a]
        guard r.check(.capacity, left != 0, left < 0 ? "No limit on places" : (left == 0 ? "No places left" : Wording.count(left, "place") + " left")) else { return }
        let online = index.activities.online[a]
        let unmet = online ? 0 : person.accessNeeds & ~index.activities.access[a]
        guard r.check(.access, unmet == 0, unmet == 0 ? (person.accessNeeds == 0 ? "No access needs" : "Meets every access need") : "Does not meet: \(Self.terms(unmet))") else { return }
        let housebound = person.has(.housebound) && !online
        let near = !housebound
            && (!isPlaced(a)
                || GreatCircle.within(person.position, index.activities.position[a], km: person.travelKm, chordSquared: travelChordSquared))
        let lift = near || housebound ? nil : self.lift(a)
        let distanceDetail = online
            ? "Online"
            : housebound
                ? "Housebound: in person is not possible"
                : distanceKm(a).map {
                    "\(Formulas.distanceText($0)) away; travels up to \(Formulas.distanceText(person.travelKm))"
                        + (near ? "" : lift.map { "; " + lifts.reason($0) } ?? "; no lift free then")
                } ?? "Distance unknown"
        guard r.check(.distance, near || lift != nil, distanceDetail) else { return }
        let eligible = index.activities.admits(age: age, a)
        guard r.check(.age, eligible, !index.activities.hasAgeLimits(a) ? "No age limits" : (age == nil ? "Age not known: check eligibility" : (eligible ? "Within the age range" : "Outside the age range"))) else { return }
        let clash = avoided.isEmpty ? false : index.attendees[a].contains { avoided.contains($0) }
        guard r.check(.safeguarding, !clash, clash ? "Someone this person must not meet attends" : "No safeguarding exclusion") else { return }
        // Times given with the referral: only an activity with a session then (or with no set
        // times) can be attended. Dated sessions count only when to come, and an activity whose
        // every session falls on days the person is away cannot be attended.
        let sessions = index.activities.sessionSlots[a]
        let awayAll = index.activities.awayForEverySession(a, person.away)
        let ended = index.activities.ended[a]
        let free = !ended && awayAll == nil
            && (!whenGiven || sessions.isEmpty || sessions.contains { WeekMask([$0]).overlapMinutes(with: when) > 0 })
        guard r.check(
            .availability, free,
            ended ? "Its dated sessions are over" : awayAll.map { "Away \($0)" }
                ?? (!whenGiven ? "No times given" : (sessions.isEmpty ? "No set times" : (free ? "Free for a session" : "Not free at any of its sessions"))))
        else { return }
        let cost = index.activities.cost[a]
        let affordable = maxCost.map { cost <= $0 } ?? true
        guard r.check(.cost, affordable, cost < 0 ? "Cost not given: check it" : Formulas.costText(cost) + (maxCost.map { "; can pay up to \(Formulas.poundsText($0))" } ?? "")) else { return }
        let language = languageFit(a)
        _ = r.check(.language, language.passes, language.detail)
    }

    /// True when the person already attends the activity.
    func attends(_ a: Int) -> Bool {
        person.memberIndex.map { index.attends.sortedRow(Int($0), contains: Int32(a)) } ?? false
    }

    func availability(_ a: Int) -> Double {
        guard person.has(.hasAvailability) else { return Formulas.neutral }
        return index.activities.bestCoverage(a) { $0.overlapMinutes(with: person.availability) } ?? Formulas.neutral
    }

    func factors(_ c: Int32) -> FactorScores { factors(c, bridging: true) }

    @inline(__always)
    private func factors(_ c: Int32, bridging withBridging: Bool) -> FactorScores {
        let a = Int(c)
        var f = FactorScores()
        f.skill = skill(a)
        f.availability = availability(a)
        // Reached by a lift, the trip that matters to the person is to the lift-giver's door.
        let km = lift(a).map(\.km) ?? distanceKm(a)
        f.locality = (index.activities.online[a] ? 1 : km.map(Formulas.locality) ?? Formulas.neutral)
            * Formulas.costShare(index.activities.cost[a])
        f.wellbeing = wellbeing(a)
        f.reciprocity = reciprocity(a)
        if withBridging { f.bridging = bridging.value(toActivity: c) }
        return f
    }

    func match(_ c: Int32, score: Double, factors f: FactorScores) -> Match {
        let a = Int(c)
        var reasons: [String] = []
        let best = table.best(index.activities.topics[a])
        if a < about.count, about[a] > best.level, aboutVia[a] >= 0 {
            reasons.append("Matches '\(words[Int(aboutVia[a])])': what \(index.activities.names[a]) says it is about is close in meaning")
        } else if best.term >= 0 {
            reasons.append(table.reason(term: best.term, vocabulary: index.vocabulary, verb: "About"))
        }
        if let language = languageFit(a).reason(communityLanguage: communityLanguage, verb: "Held in") { reasons.append(language) }
        let served = Formulas.ways(index.activities.wellbeing[a], among: hasGoals ? goals : nil)
        if !served.isEmpty { reasons.append("Serves \(Formulas.list(served))") }
        let sessions = index.activities.sessionSlots[a]
        if person.has(.hasAvailability), !sessions.isEmpty {
            let fitting = sessions.indices.filter { WeekMask([sessions[$0]]).overlapMinutes(with: person.availability) > 0 }
                .map { $0 - sessions.startIndex }
            if let first = fitting.first {
                let text = sessionText(a, first)
                reasons.append(f.availability >= 0.99 ? "Free for the \(text) session" : "Partly free for the \(text) session")
            } else {
                reasons.append("Not free at its times (\(sessions.indices.prefix(2).map { sessionText(a, $0 - sessions.startIndex) }.joined(separator: ", ")))")
            }
        } else if let first = index.activities.sessionDates[a].firstIndex(where: { $0 >= 0 }) {
            reasons.append("On \(sessionText(a, first - index.activities.sessionDates[a].startIndex))")
        }
        let lift = self.lift(a)
        if index.activities.online[a] {
            reasons.append("Online: no travel")
        } else if let km = distanceKm(a) {
            reasons.append("\(Formulas.distanceText(km)) away")
            if let lift { reasons.append(lifts.reason(lift)) }
        } else {
            reasons.append("Distance unknown")
        }
        if index.activities.cost[a] >= 0 { reasons.append(Formulas.costText(index.activities.cost[a])) }
        if person.accessNeeds != 0, !index.activities.online[a], person.accessNeeds & ~index.activities.access[a] == 0 { reasons.append("Meets every access need") }
        if attends(a) { reasons.append("Already goes here") }
        if index.activities.serves(a, .give) { reasons.append("A way to give as well as get") }
        if let b = bridging.reason(value: f.bridging) { reasons.append(b) }
        if index.activities.remaining[a] > 0, index.activities.remaining[a] <= 2 { reasons.append("Only " + Wording.count(index.activities.remaining[a], "place") + " left") }
        var match = Match(id: index.activities.ids[a], kind: .activity, name: index.activities.names[a], score: score, factors: f, reasons: reasons, distanceKm: distanceKm(a))
        match.lift = lift.map { lifts.lift($0, activity: a) }
        return match
    }

    /// Session `i` of activity `a` as people read it: "Wed 10:00-12:00" for a weekly one,
    /// "Sat 19 Dec, 12:00–14:00" for a dated one.
    func sessionText(_ a: Int, _ i: Int) -> String {
        let slots = index.activities.sessionSlots[a], days = index.activities.sessionDates[a]
        let slot = slots[slots.startIndex + i]
        let day = days[days.startIndex + i]
        guard day >= 0, let dated = DatedSlot(date: CalendarDate(dayNumber: Int(day)), start: slot.start, end: slot.end) else {
            return slot.description
        }
        return dated.description
    }

    static func terms(_ mask: UInt32) -> String {
        AccessTerm.allCases.filter { mask & $0.bit != 0 }.map(\.rawValue).joined(separator: ", ")
    }
}
