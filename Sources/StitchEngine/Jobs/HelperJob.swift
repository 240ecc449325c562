import StitchModel

/// "Who can help?": a request for help → members who can give it.
///
/// Candidates come from the skill postings of every skill related to the one asked for, and,
/// for peer support, from members who share the lived experience it draws on.
struct HelperJob: ScoringJob {
    let index: CommunityIndex
    let weights: FactorWeights
    let wanted: Int32?
    /// The lived experience the wanted skill draws on (peer support).
    let experience: Int32
    let table: SkillMatchTable
    let place: UnitVector?
    let atHome: Bool
    let requiresDBS: Bool
    /// The DBS level asked (enhanced when the request says only `true`), and the day a check is
    /// judged on: the request's date, else the engine's today.
    let dbs: DBSJudgement
    /// The requester's languages, the preferred first (empty when unknown or no requester).
    let languages: [UInt16]
    /// The requester accepts an interpreter (the request or their record says so).
    let interpreter: Bool
    let communityLanguage: UInt16?
    /// Who may come to the requester's home (``HomeVisitRule``): gender asked, pets, smoking.
    let visit: HomeVisitRule
    /// The times asked, weekly and dated (each dated time on its weekday), as one week.
    let when: WeekMask
    let whenMinutes: Int
    /// The weekly times asked, and the dated ones: a helper away on a dated time's day is not
    /// free for it (``DatedAvailability``).
    let weekly: [Slot]
    let dated: [DatedSlot]
    /// The engine's today, for marking a helper away all of the coming week.
    let today: CalendarDate
    let bridging: BridgingFactor
    /// The requester's few fields the scoring loop reads (-1: no requester).
    let requesterIndex: Int32
    let requesterAvailability: WeekMask?
    /// Everyone the requester must never be matched with (ascending; empty with no requester).
    let avoided: [Int32]
    /// The flags every helper of this request must have: active, and DBS checked or doing home
    /// visits when the request says so.
    let required: MemberFlags
    /// The requester's id, and the members they have dismissed ("not this one").
    let subjectID: String?
    let dismissed: Set<Int32>

    init(index: CommunityIndex, request: HelpRequest, requester: PersonFeatures?, weights: FactorWeights) {
        self.index = index
        self.weights = weights
        requesterIndex = requester?.memberIndex ?? -1
        requesterAvailability = requester.flatMap { $0.has(.hasAvailability) ? $0.availability : nil }
        wanted = index.vocabulary.index(of: request.skill)
        var table = SkillMatchTable(vocabularySize: index.vocabulary.count)
        if let wanted {
            table.add(wanted: [wanted], graph: index.skills)
        } else {
            // Words that are no term: the terms close to them in meaning (none without a model).
            table.add(words: request.skill, graph: index.skills)
        }
        self.table = table
        experience = wanted.map { index.vocabulary.experienceOf.indices.contains(Int($0)) ? index.vocabulary.experienceOf[Int($0)] : -1 } ?? -1
        let location = request.location ?? requester?.location
        place = location.map(UnitVector.init)
        atHome = request.atHome || (requester?.has(.housebound) ?? false)
        requiresDBS = request.requiresDBS
        dbs = DBSJudgement(
            level: request.dbsLevel ?? .enhanced, day: request.day ?? index.today,
            validYears: index.configuration.dbsValidYears)
        languages = requester?.languages ?? []
        interpreter = request.interpreter || (requester?.has(.interpreter) ?? false)
        communityLanguage = LanguageCode.packed(index.configuration.communityLanguage)
        weekly = request.when
        dated = request.whenDated.sorted()
        today = index.today
        visit = HomeVisitRule(
            applies: atHome || HomeVisitRule.isPersonalHelp(wanted, vocabulary: index.vocabulary),
            person: requester?.visit ?? VisitFacts(), asked: request.helperGender)
        when = WeekMask(request.when + request.whenDated.map(\.weekly))
        whenMinutes = when.minutes
        bridging = BridgingFactor(index: index, subject: requester)
        avoided = requester.map { index.safeguardingSet(for: $0).sorted() } ?? []
        var required: MemberFlags = .active
        if requiresDBS { required.insert(.dbsChecked) }
        if atHome { required.insert(.homeVisits) }
        self.required = required
        subjectID = requester?.id
        dismissed = index.dismissedMembers(of: requester?.id)
    }

    @inline(__always)
    func forEachCandidate(_ body: (Int32) -> Void) {
        var seen = [UInt64](repeating: 0, count: (index.members.count + 63) / 64)
        func visit(_ m: Int32) {
            let bit: UInt64 = 1 << UInt64(m & 63)
            if seen[Int(m) >> 6] & bit == 0 {
                seen[Int(m) >> 6] |= bit
                body(m)
            }
        }
        for term in table.touched where Int(term) < index.offerPostings.rowCount {
            for m in index.offerPostings[Int(term)] { visit(m) }
        }
        if experience >= 0, Int(experience) < index.experiencePostings.rowCount {
            for m in index.experiencePostings[Int(experience)] { visit(m) }
        }
    }

    func idRank(_ candidate: Int32) -> Int32 { index.memberIDRank[Int(candidate)] }

    func ranked(limit: Int) -> Pipeline.Outcome { scan(limit: limit) }

    func distanceKm(_ m: Int) -> Double? {
        guard let place, index.members.has(m, .hasLocation) else { return nil }
        return GreatCircle.distanceKm(place, index.members.position[m])
    }

    func checkConstraints(_ c: Int32, _ r: inout ConstraintReport) {
        let m = Int(c)
        let gone = !dismissed.isEmpty && dismissed.contains(c)
        guard r.check(.dismissed, !gone, index.dismissalDetail(subject: subjectID, candidate: index.members.ids[m])) else { return }
        let isSelf = requesterIndex == c
        guard r.check(.self, !isSelf, isSelf ? "Is the person asking" : "Not the person asking") else { return }
        guard r.check(.inactive, index.members.has(m, .active), index.members.has(m, .active) ? "Active member" : "Not an active member") else { return }
        let avoided = !self.avoided.isEmpty && self.avoided.contains(c)
        guard r.check(.safeguarding, !avoided, avoided ? "A safeguarding exclusion is recorded" : "No safeguarding exclusion") else { return }
        let held = index.members.dbs[m]
        let dbsPasses = !requiresDBS || dbs.passes(held)
        guard r.check(.dbs, dbsPasses, requiresDBS ? dbs.detail(held) : Self.unaskedDBSDetail(held, judge: dbs)) else { return }
        let visits = !atHome || index.members.has(m, .homeVisits)
        guard r.check(.homeVisits, visits, atHome ? (visits ? "Does home visits" : "Does not do home visits") : "Help is not at home") else { return }
        let facts = index.members.visit[m]
        guard r.check(.gender, visit.genderPasses(facts), visit.genderDetail(facts)) else { return }
        guard r.check(.home, visit.homePasses(facts), visit.homeDetail(facts)) else { return }
        let located = place != nil && index.members.has(m, .hasLocation)
        let within = !located || GreatCircle.within(place!, index.members.position[m], km: index.members.travelKm[m], chordSquared: index.members.travelChordSquared[m])
        guard r.check(.distance, within, distanceKm(m).map { "\(Formulas.distanceText($0)) away; travels up to \(Formulas.distanceText(index.members.travelKm[m]))" } ?? "Distance unknown") else { return }
        let (free, detail) = availabilityCheck(m)
        guard r.check(.availability, free, detail) else { return }
        let recent = index.ledger.recentHours[m]
        guard r.check(.overload, recent <= index.configuration.overloadHours, "Gave \(Formulas.hoursText(recent)) in the last \(index.configuration.overloadWindowDays) days") else { return }
        let language = languageFit(m)
        _ = r.check(.language, language.passes, language.detail)
    }

    /// The detail of a DBS check nobody asked for (`explain`): what the helper holds, so that a
    /// broker sees a check that has expired.
    static func unaskedDBSDetail(_ held: DBSCheck?, judge: DBSJudgement) -> String {
        guard let held else { return "No DBS check required" }
        return "No DBS check required; " + DBSJudgement(level: .basic, day: judge.day, validYears: judge.validYears).detail(held)
    }

    /// How the helper's languages meet the requester's.
    @inline(__always)
    func languageFit(_ m: Int) -> LanguageFit {
        LanguageFit(person: languages, other: index.members.languages[m], interpreter: interpreter)
    }


    func skillLevel(_ m: Int) -> (level: Double, term: Int32, lived: Bool) {
        let best = table.best(index.members.offers[m])
        if experience >= 0, index.members.experiences[m].contains(experience) { return (SkillLevels.livedExperience, experience, true) }
        return (best.level, best.term, false)
    }

    func factors(_ c: Int32) -> FactorScores { factors(c, skill: skillLevel(Int(c)).level * languageFit(Int(c)).share, bridging: true) }

    /// The factors given the candidate's skill factor (known to the scan from the posting it came
    /// by, times the share its language fit keeps).
    @inline(__always)
    func factors(_ c: Int32, skill: Double, bridging withBridging: Bool) -> FactorScores {
        let m = Int(c)
        var f = FactorScores()
        f.skill = skill
        f.availability = availabilityFactor(m)
        f.locality = distanceKm(m).map(Formulas.locality) ?? Formulas.neutral
        f.wellbeing = wellbeingFactor(m)
        f.reciprocity = index.giverReciprocity(m)
        if withBridging { f.bridging = bridging.value(toMember: c) }
        return f
    }

    /// Share of the time asked that the helper is free (0.3 when they gave no times), or, with no
    /// time asked, their overlap with the requester's week (two hours in common count in full).
    @inline(__always)
    func availabilityFactor(_ m: Int) -> Double {
        if whenMinutes > 0 {
            return index.members.availability.isKnown[m]
                ? min(1, Double(index.members.availability.overlapMinutes(row: m, with: helperWhen(m))) / Double(whenMinutes)) : 0.3
        } else if let requesterAvailability, index.members.availability.isKnown[m] {
            return min(1, Double(index.members.availability.overlapMinutes(row: m, with: requesterAvailability)) / 120)
        }
        return Formulas.neutral
    }

    @inline(__always)
    func wellbeingFactor(_ m: Int) -> Double {
        index.members.giverWellbeing[m]
    }

    func match(_ c: Int32, score: Double, factors f: FactorScores) -> Match {
        let m = Int(c)
        var reasons: [String] = []
        let skill = skillLevel(m)
        if skill.lived {
            reasons.append("Has lived experience of \(index.vocabulary.label(experience))")
        } else if skill.term >= 0 {
            reasons.append(table.reason(term: skill.term, vocabulary: index.vocabulary, verb: "Offers"))
        }
        if let asked = visit.reason(index.members.visit[m]) { reasons.append(asked) }
        if requiresDBS, let check = index.members.dbs[m] { reasons.append("\((check.level ?? .enhanced).rawValue.capitalized) DBS checked") }
        if let language = languageFit(m).reason(communityLanguage: communityLanguage) { reasons.append(language) }
        if !dated.isEmpty {
            reasons += datedReasons(m)
        } else if whenMinutes > 0 {
            if index.members.availability.isKnown[m] {
                let common = index.members.availability.mask(row: m).intersection(when)
                let slots = common.slots.prefix(2).map(\.description)
                reasons.append(common.minutes >= whenMinutes ? "Free \(Formulas.list(slots)) as asked" : "Free \(Formulas.list(slots)) (\(Formulas.hoursText(Double(common.minutes) / 60)) of \(Formulas.hoursText(Double(whenMinutes) / 60)) asked)")
            } else {
                reasons.append("Availability not given: check the time")
            }
        }
        if dated.isEmpty, let away = awayAllWeek(m) { reasons.append("Away \(away)") }
        let km = distanceKm(m)
        if let km {
            reasons.append(atHome ? "Visits at home, \(Formulas.distanceText(km)) away" : "\(Formulas.distanceText(km)) away")
        } else {
            reasons.append("Distance unknown")
        }
        let standing = index.ledger.standing(m)
        if standing <= -4 {
            reasons.append("Has received \(Formulas.hoursText(-standing)) more than given: a chance to give")
        }
        reasons += index.ledgerReasons(m)
        let recent = index.ledger.recentHours[m]
        if recent >= 6 {
            reasons.append("Gave \(Formulas.hoursText(recent)) in the last 4 weeks")
        } else if index.ledger.load[m] + index.askHours(m) < 1 {
            reasons.append("Not asked much lately")
        }
        if let b = bridging.reason(value: f.bridging, member: c) { reasons.append(b) }
        return Match(id: index.members.ids[m], kind: .member, name: index.members.names[m], score: score, factors: f, reasons: reasons, distanceKm: km)
    }
}
