import StitchModel

extension HelperJob {
    /// Who-can-help's own ranking loop: the same answer and the same counts as
    /// ``Pipeline/rank(_:limit:accept:)`` (PruningTests compares the two on every kind of
    /// community), with a fraction of the work per candidate, since a request at 100,000 members
    /// has some 20,000 candidates and each must be counted.
    ///
    /// - Candidates come posting list by posting list: lived experience first, then the related
    ///   skills from the closest down, so a member's skill level is that of the first list that
    ///   holds them and their offers are never scanned.
    /// - The hard constraints run on a byte of flags, a position and two numbers
    ///   (``firstFailure(_:_:chordSquared:)``, tested equal to ``checkConstraints(_:_:)``, which
    ///   stays the definition and explains).
    /// - A candidate who passes is bounded by skill and straight-line locality (the squared chord
    ///   the distance check measured), then with their wellbeing and reciprocity, then by every
    ///   factor but bridging, before the network model is read.
    func scan(limit: Int) -> Pipeline.Outcome {
        var top = TopK(limit: limit)
        var considered = 0
        var excluded = ExclusionCounts()
        var seen = [UInt64](repeating: 0, count: (index.members.count + 63) >> 6)
        let idRanks = index.memberIDRank
        let weights = weights
        let columns = Columns(index)
        // The rough bound: skill and locality as measured, every other factor at 1.
        let total = weights.skill + weights.availability + weights.locality + weights.wellbeing + weights.bridging + weights.reciprocity
        let others = weights.availability + weights.wellbeing + weights.bridging + weights.reciprocity
        for (postings, level) in postingsByLevel() {
            for c in postings {
                let m = Int(c)
                let bit: UInt64 = 1 << UInt64(m & 63)
                if seen[m >> 6] & bit != 0 { continue }
                seen[m >> 6] |= bit
                considered += 1
                var chordSquared = -1.0
                if let reason = firstFailure(c, columns, chordSquared: &chordSquared) {
                    excluded.add(reason)
                    continue
                }
                let idRank = idRanks[m]
                let full = !top.isFilling && total > 0
                // Bounds, each tighter and dearer: skill and straight-line locality, then the
                // helper's wellbeing and reciprocity, then every factor but bridging.
                var f = FactorScores.ones
                f.skill = unit(languages.isEmpty ? level : level * languageFit(m).share)
                if full {
                    let locality = chordSquared >= 0 ? Formulas.localityBound(chordSquared: chordSquared) : Formulas.neutral
                    // (Summed in another order than the score: a hair of margin keeps it a bound.)
                    guard top.admits(bound: min(1, (weights.skill * f.skill + weights.locality * locality + others) / total * (1 + 1e-12)), idRank: idRank)
                    else { continue }
                    f.locality = locality
                }
                f.wellbeing = unit(wellbeingFactor(m))
                f.reciprocity = unit(index.giverReciprocity(m))
                if full { guard top.admits(bound: weights.combine(f), idRank: idRank) else { continue } }
                f.availability = unit(availabilityFactor(m))
                f.locality = unit(distanceKm(m).map(Formulas.locality) ?? Formulas.neutral)
                if full { guard top.admits(bound: weights.combine(f), idRank: idRank) else { continue } }
                f.bridging = unit(bridging.value(toMember: c))
                top.offer(Pipeline.Entry(score: weights.combine(f), idRank: idRank, candidate: c, factors: f))
            }
        }
        return (top.ranked(), considered, excluded)
    }

    /// A factor clamped into [0, 1] as ``FactorScores/clamped()`` does (NaN to 0).
    @inline(__always)
    private func unit(_ v: Double) -> Double {
        assert(!v.isNaN, "a factor is NaN")
        return v.isNaN ? 0 : min(1, max(0, v))
    }

    /// The candidates' posting lists with the skill level each gives, the highest first: the
    /// lived experience the skill draws on, then every related skill offered.
    private func postingsByLevel() -> [(ArraySlice<Int32>, Double)] {
        var lists: [(ArraySlice<Int32>, Double)] = []
        if experience >= 0, Int(experience) < index.experiencePostings.rowCount {
            lists.append((index.experiencePostings[Int(experience)], SkillLevels.livedExperience))
        }
        let levels = table.level
        var terms: [(term: Int32, level: Double)] = []
        terms.reserveCapacity(table.touched.count)
        for term in table.touched where Int(term) < index.offerPostings.rowCount && index.offerPostings.length(Int(term)) > 0 {
            terms.append((term, levels[Int(term)]))
        }
        terms.sort { $0.level > $1.level }
        for (term, level) in terms { lists.append((index.offerPostings[Int(term)], level)) }
        return lists
    }

    /// The member columns the constraints read, taken out of the index once per query.
    struct Columns {
        let flags: [MemberFlags]
        let position: [UnitVector]
        let travelKm: [Double]
        let travelChordSquared: [Double]
        let availability: WeekMaskTable
        let recentHours: [Double]
        let overloadHours: Double
        let dbs: [DBSCheck?]
        let away: [[AwayPeriod]]
        let visit: [VisitFacts]

        init(_ index: CommunityIndex) {
            flags = index.members.flags
            position = index.members.position
            travelKm = index.members.travelKm
            travelChordSquared = index.members.travelChordSquared
            availability = index.members.availability
            recentHours = index.ledger.recentHours
            overloadHours = index.configuration.overloadHours
            dbs = index.members.dbs
            away = index.members.away
            visit = index.members.visit
        }
    }

    /// The first hard constraint a candidate fails, in the order ``checkConstraints(_:_:)`` runs
    /// them, or `nil`; `chordSquared` receives the squared chord to the candidate when the
    /// distance was measured (else it is left alone).
    @inline(__always)
    func firstFailure(_ c: Int32, _ columns: Columns, chordSquared: inout Double) -> ExclusionReason? {
        let m = Int(c)
        if !dismissed.isEmpty, dismissed.contains(c) { return .dismissed }
        if c == requesterIndex { return .self }
        let flags = columns.flags[m]
        if flags.rawValue & required.rawValue != required.rawValue || !avoided.isEmpty || requiresDBS {
            if !flags.contains(.active) { return .inactive }
            if !avoided.isEmpty, avoided.contains(c) { return .safeguarding }
            if requiresDBS, !flags.contains(.dbsChecked) || !dbs.passes(columns.dbs[m]) { return .dbs }
            if atHome, !flags.contains(.homeVisits) { return .homeVisits }
        }
        if visit.constrains {
            let facts = columns.visit[m]
            if !visit.genderPasses(facts) { return .gender }
            if !visit.homePasses(facts) { return .home }
        }
        if let place, flags.contains(.hasLocation) {
            let position = columns.position[m]
            let c2 = place.chordSquared(to: position)
            guard GreatCircle.within(place, position, chordSquared: c2, km: columns.travelKm[m], limit: columns.travelChordSquared[m])
            else { return .distance }
            chordSquared = c2
        }
        if whenMinutes > 0 {
            if !dated.isEmpty, !columns.away[m].isEmpty {
                if !availabilityCheck(m).free { return .availability }
            } else if columns.availability.isKnown[m], columns.availability.overlapMinutes(row: m, with: when) == 0 {
                return .availability
            }
        }
        if columns.recentHours[m] > columns.overloadHours { return .overload }
        if !languages.isEmpty, !languageFit(m).passes { return .language }
        return nil
    }
}
