/// The one scoring pipeline: candidates → hard constraints → factors → weighted score →
/// bounded top-k → reasons for the winners only.
///
/// Ties are broken by id, so the same input always gives the same answer.
enum Pipeline {
    /// An entry of the top-k heap; `<` means "ranks lower".
    struct Entry: Comparable {
        var score: Double
        var idRank: Int32
        var candidate: Int32
        var factors: FactorScores

        static func < (a: Entry, b: Entry) -> Bool {
            a.score != b.score ? a.score < b.score : a.idRank > b.idRank
        }

        static func == (a: Entry, b: Entry) -> Bool { a.score == b.score && a.idRank == b.idRank }
    }

    /// What a ranking loop returns: the best entries (best first), how many candidates were
    /// considered, and the exclusions by reason.
    typealias Outcome = (entries: [Entry], considered: Int, excluded: ExclusionCounts)

    /// Ranks a job's candidates; `accept` may veto a candidate after its constraints (used for
    /// post-filters such as "only give-tagged").
    static func rank<J: ScoringJob>(_ job: J, limit: Int, accept: ((Int32) -> Bool)? = nil) -> Outcome {
        var top = TopK(limit: limit)
        var considered = 0
        var excluded = ExclusionCounts()
        let counts = job.countsExclusions
        /// True when the candidate cannot beat the worst of a full heap, by its optimistic score.
        func hopeless(_ c: Int32) -> Bool {
            guard !top.isFilling else { return false }
            let rank = job.idRank(c)
            return !top.admits(bound: job.score(c, factors: job.roughFactors(c).clamped()), idRank: rank)
                || !top.admits(bound: job.score(c, factors: job.optimisticFactors(c).clamped()), idRank: rank)
        }
        job.forEachCandidate { c in
            considered += 1
            if !counts, hopeless(c) { return }
            var report = ConstraintReport(explain: false)
            job.checkConstraints(c, &report)
            if let reason = report.firstFailure {
                excluded.add(reason)
                return
            }
            if let accept, !accept(c) { return }
            if counts, hopeless(c) { return }
            let f = job.factors(c).clamped()
            top.offer(Entry(score: job.score(c, factors: f), idRank: job.idRank(c), candidate: c, factors: f))
        }
        return (top.ranked(), considered, excluded)
    }

    /// Ranks and builds the results with reasons.
    static func ranking<J: ScoringJob>(_ job: J, limit: Int) -> Ranking {
        let (entries, considered, excluded) = job.ranked(limit: limit)
        return Ranking(
            matches: entries.map { job.match($0.candidate, score: $0.score, factors: $0.factors) },
            considered: considered, excluded: excluded)
    }

    /// One candidate's full breakdown: every constraint, every factor, the reasons. An excluded
    /// candidate still shows its factors, with `excludedBy` saying what rules it out.
    static func explain<J: ScoringJob>(_ job: J, candidate: Int32) -> Match {
        var report = ConstraintReport(explain: true)
        job.checkConstraints(candidate, &report)
        let f = job.factors(candidate).clamped()
        let score = job.score(candidate, factors: f)
        var match = job.match(candidate, score: score, factors: f)
        match.constraints = report.checks
        match.excludedBy = report.failures
        if let first = report.failures.first {
            // A dismissal says who, when and why rather than the reason's general wording.
            let dismissal = first == .dismissed ? report.checks?.first { $0.constraint == .dismissed }?.detail : nil
            match.reasons.insert("Excluded: \(dismissal ?? first.explanation)", at: 0)
        }
        return match
    }
}
