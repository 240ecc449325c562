import HeapModule

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

    /// Ranks a job's candidates; `accept` may veto a candidate after its constraints (used for
    /// post-filters such as "only give-tagged").
    static func rank<J: ScoringJob>(_ job: J, limit: Int, accept: ((Int32) -> Bool)? = nil) -> (entries: [Entry], considered: Int, excluded: ExclusionCounts) {
        var heap = Heap<Entry>()
        var considered = 0
        var excluded = ExclusionCounts()
        let weights = job.weights
        let counts = job.countsExclusions
        /// True when the candidate cannot beat the worst of a full heap, by its optimistic score.
        func hopeless(_ c: Int32) -> Bool {
            guard heap.count >= limit, let worst = heap.min else { return false }
            func below(_ factors: FactorScores) -> Bool {
                let bound = weights.combine(factors.clamped())
                return bound < worst.score || (bound == worst.score && job.idRank(c) > worst.idRank)
            }
            return below(job.roughFactors(c)) || below(job.optimisticFactors(c))
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
            let entry = Entry(score: weights.combine(f), idRank: job.idRank(c), candidate: c, factors: f)
            if heap.count < limit {
                heap.insert(entry)
            } else if let worst = heap.min, worst < entry {
                _ = heap.replaceMin(with: entry)
            }
        }
        var entries: [Entry] = []
        entries.reserveCapacity(heap.count)
        while let e = heap.popMax() { entries.append(e) }
        return (entries, considered, excluded)
    }

    /// Ranks and builds the results with reasons.
    static func ranking<J: ScoringJob>(_ job: J, limit: Int) -> Ranking {
        let (entries, considered, excluded) = rank(job, limit: limit)
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
        let score = job.weights.combine(f)
        var match = job.match(candidate, score: score, factors: f)
        match.constraints = report.checks
        match.excludedBy = report.failures
        if let first = report.failures.first {
            match.reasons.insert("Excluded: \(first.explanation)", at: 0)
        }
        return match
    }
}
