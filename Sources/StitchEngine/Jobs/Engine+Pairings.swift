public import StitchModel

extension Engine {
    /// This engine with the ongoing pairings that hold on `day`: in a person's answers of a
    /// pairing's kind, the paired helper comes first ("Already helps them every week") unless a
    /// hard constraint rules them out, and is exempt from load spreading (their reciprocity for
    /// that person reads the hours they gave, not how often they are asked).
    ///
    /// Pairings are not part of the community: the service keeps them and hands them to the
    /// engine a query reads. Those naming an unknown person or helper simply never match.
    ///
    /// ```swift
    /// let paired = engine.judgingPairings([Pairing(person: "m-arthur", helper: "m-jade", kind: "shopping")], on: today)
    /// ```
    public func judgingPairings(_ pairings: [Pairing], on day: CalendarDate) -> Engine {
        var byPerson: [String: [Pairing]] = [:]
        for pairing in pairings where pairing.holds(on: day) { byPerson[pairing.person, default: []].append(pairing) }
        guard !(byPerson.isEmpty && index.pairings.isEmpty) else { return self }
        var engine = self
        engine.index.pairings = byPerson
        return engine
    }
}

extension CommunityIndex {
    /// The helper (by member index) paired with `person` for help of the kind `skill` names, or
    /// for going along (`buddy`), when a pairing holds: the same words, or the same term.
    func pairedHelper(of person: String?, kind skill: String, term: Int32?) -> Int32? {
        guard let person, let list = pairings[person] else { return nil }
        for pairing in list {
            let sameTerm = term != nil && pairing.kind != Pairing.buddyKind && vocabulary.index(of: pairing.kind) == term
            if pairing.isKind(skill) || sameTerm, let m = memberIndex[pairing.helper] { return m }
        }
        return nil
    }
}

extension HelperJob {
    /// The reason a paired helper is put first with.
    static let pairedReason = "Already helps them every week"

    /// The ranking with the helper paired with the requester for this kind of help first, when
    /// a pairing holds and no hard constraint rules them out (then a note says so, by reason).
    /// Their reciprocity leaves out the asks: a pairing is exempt from load spreading.
    func puttingPairedFirst(_ ranking: Ranking, skill: String, limit: Int) -> Ranking {
        var ranking = ranking
        switch judgePaired(index.pairedHelper(of: subjectID, kind: skill, term: wanted), reason: Self.pairedReason, index: index) {
        case .none:
            break
        case .ruledOut(let reason):
            ranking.notes.append("The helper paired with them for this is ruled out today: \(reason.explanation)")
        case .chosen(let match):
            ranking.puttingFirst(match, limit: limit)
        }
        return ranking
    }
}

/// What a pairing that holds makes of a job's paired member.
enum PairedJudgement {
    /// No pairing holds for the person (or it names someone unknown).
    case none
    /// The paired member meets every constraint: listed first, with this match.
    case chosen(Match)
    /// The paired member is ruled out today, by the first constraint they fail.
    case ruledOut(ExclusionReason)
}

extension ScoringJob {
    /// The paired member `c` (`nil`: no pairing holds) as this job's candidate: their match,
    /// whatever their score, with `reason` first, when they meet every hard constraint of the job;
    /// else the first constraint they fail. Their reciprocity leaves out the asks (a pairing is
    /// exempt from load spreading).
    func judgePaired(_ c: Int32?, reason: String, index: CommunityIndex) -> PairedJudgement {
        guard let c else { return .none }
        var report = ConstraintReport(explain: false)
        checkConstraints(c, &report)
        if let failure = report.firstFailure { return .ruledOut(failure) }
        var f = factors(c)
        f.reciprocity = index.ledger.giverReciprocity[Int(c)]
        f = f.clamped()
        var match = match(c, score: score(c, factors: f), factors: f)
        match.reasons.insert(reason, at: 0)
        return .chosen(match)
    }
}

extension Ranking {
    /// `match` first, in place of any other listing of the same member, keeping at most `limit`.
    mutating func puttingFirst(_ match: Match, limit: Int) {
        matches.removeAll { $0.id == match.id }
        matches.insert(match, at: 0)
        if matches.count > limit { matches.removeLast(matches.count - limit) }
    }
}

extension BuddyJob {
    /// The reason a paired buddy is suggested with.
    static let pairedReason = "Already goes along with them"

    /// The buddy paired with the person (a pairing of kind ``Pairing/buddyKind`` that holds),
    /// judged for this activity: chosen, whatever their score, when they meet every constraint
    /// a buddy must meet (``checkConstraints(_:_:)``), with ``pairedReason`` first; else ruled
    /// out by reason. Their reciprocity leaves out the asks, as a paired helper's does: a pairing
    /// is exempt from load spreading.
    func paired() -> PairedJudgement {
        guard !index.pairings.isEmpty else { return .none }
        return judgePaired(index.pairedHelper(of: person.id, kind: Pairing.buddyKind, term: nil), reason: Self.pairedReason, index: index)
    }

    /// The note a ranking carries when the paired buddy cannot go along to this activity.
    func pairedNote(_ reason: ExclusionReason) -> String {
        "The buddy paired with them cannot go along to \(index.activities.names[activity]) today: \(reason.explanation)"
    }

    /// A ranking of buddies with the paired buddy first when they meet every constraint (then
    /// at most `limit`), or with a note saying why they cannot go along.
    func puttingPairedFirst(_ ranking: Ranking, limit: Int) -> Ranking {
        var ranking = ranking
        switch paired() {
        case .none:
            break
        case .ruledOut(let reason):
            ranking.notes.append(pairedNote(reason))
        case .chosen(let match):
            ranking.puttingFirst(match, limit: limit)
        }
        return ranking
    }
}
