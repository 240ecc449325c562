import StitchModel

extension Engine {
    /// A referral's one-to-one support (``OneToOneJob``), ranked beside its activities.
    ///
    /// It is offered (at most `limit`) when the person is housebound (read first), when no
    /// activity fits (read first), or when a goal of theirs that one-to-one support serves is
    /// served by none of the activities offered; otherwise only the members who score at least
    /// as well as the last activity offered are, and none when none does.
    func oneToOne(
        referral: Referral, job: ReferralJob, reading: ReadReason?, activities: [Pipeline.Entry], limit: Int
    ) -> OneToOneRanking {
        let needs = reading?.reading.needs.map(\.need.rawValue) ?? []
        let support = OneToOneJob(index: index, person: job.person, referral: referral, goals: job.goals, needs: needs, weights: job.weights)
        let (entries, considered, excluded) = support.ranked(limit: limit)
        var served: UInt8 = 0
        for entry in activities { served |= index.activities.wellbeing[Int(entry.candidate)] }
        var supported: UInt8 = 0
        for kind in OneToOneSupport.allCases { supported |= kind.wayBits }
        let unserved = WellbeingWay.allCases.filter { job.hasGoals && job.goals[$0] > 0 && served & $0.bit == 0 && supported & $0.bit != 0 }
        let chosen: [Pipeline.Entry]
        let first: Bool
        var why: String
        if job.person.has(.housebound) {
            (chosen, first, why) = (entries, true, "Housebound: one-to-one support at home comes first")
        } else if activities.isEmpty {
            (chosen, first, why) = (entries, true, "No activity fits: one-to-one support instead")
        } else if !unserved.isEmpty {
            let ways = Formulas.list(unserved.map(\.displayName))
            (chosen, first, why) = (entries, false, "\(ways) \(unserved.count == 1 ? "is a goal" : "are goals") the activities offered do not serve")
        } else {
            let last = activities.map(\.score).min() ?? 0
            chosen = entries.filter { $0.score >= last }
            first = false
            why = chosen.isEmpty
                ? "None offered: the activities serve their goals and rank higher"
                : "Ranks as well as the activities offered"
        }
        if chosen.isEmpty, entries.isEmpty {
            why += considered == 0 ? "; no member offers one-to-one support" : "; no member offering it meets every constraint"
        }
        return OneToOneRanking(
            matches: chosen.map { support.match($0.candidate, score: $0.score, factors: $0.factors) }, considered: considered,
            excluded: excluded, first: first, why: why)
    }
}
