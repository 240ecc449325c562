import StitchModel

extension OneToOneJob {
    /// One-to-one support's own ranking loop: the same answer and the same counts as
    /// ``Pipeline/rank(_:limit:accept:)`` over this job (OneToOneScanTests compares the two), with
    /// less work per candidate, since every member who befriends or goes along is a candidate
    /// and each must be counted.
    ///
    /// - Candidates are marked in a bit set, not a hash set, as their posting lists are read.
    /// - The hard constraints run through who-can-help's ``HelperJob/firstFailure(_:_:chordSquared:)``
    ///   (tested equal to ``HelperJob/checkConstraints(_:_:)``, this job's constraints).
    /// - Once the list is full, a candidate is bounded by what they offer and straight-line
    ///   locality before the rest of their factors, and the network model, are read.
    func ranked(limit: Int) -> Pipeline.Outcome {
        var top = TopK(limit: limit)
        var considered = 0
        var excluded = ExclusionCounts()
        var seen = [UInt64](repeating: 0, count: (index.members.count + 63) >> 6)
        let columns = HelperJob.Columns(index)
        let idRanks = index.memberIDRank
        let total = weights.skill + weights.availability + weights.locality + weights.wellbeing + weights.bridging + weights.reciprocity
        let others = weights.availability + weights.wellbeing + weights.bridging + weights.reciprocity
        for term in terms where Int(term) < index.offerPostings.rowCount {
            for c in index.offerPostings[Int(term)] {
                let m = Int(c)
                let bit: UInt64 = 1 << UInt64(m & 63)
                if seen[m >> 6] & bit != 0 { continue }
                seen[m >> 6] |= bit
                considered += 1
                var chordSquared = -1.0
                if let reason = helper.firstFailure(c, columns, chordSquared: &chordSquared) {
                    excluded.add(reason)
                    continue
                }
                let idRank = idRanks[m]
                if !top.isFilling, total > 0 {
                    // Skill (what they offer, as the factors read it) and straight-line locality
                    // as measured, every other factor at 1; a hair of margin keeps it a bound.
                    let skill = min(1, max(0, (offer(m)?.level ?? 0) * helper.languageFit(m).share))
                    let locality = chordSquared >= 0 ? Formulas.localityBound(chordSquared: chordSquared) : Formulas.neutral
                    let bound = min(1, (weights.skill * skill + weights.locality * locality + others) / total * (1 + 1e-12))
                    guard top.admits(bound: bound, idRank: idRank) else { continue }
                }
                let f = factors(c).clamped()
                top.offer(Pipeline.Entry(score: weights.combine(f), idRank: idRank, candidate: c, factors: f))
            }
        }
        return (top.ranked(), considered, excluded)
    }
}
