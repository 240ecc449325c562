import StitchEngine
public import StitchModel

/// `match.ask` and `match.asks`: when a broker contacts a helper for someone, kept so that the
/// reciprocity factor's load term spreads the next asks (docs/scoring.md, "Asks in the load term").
///
/// An ask is validated (its subject a member or the person of a referral record, its candidate
/// a member), stored when the store keeps asks, and only then kept and answered. The buddies
/// offered on referral records count as asks on the referral's day without being stored again.
/// Like dismissals, an ask lives as long as the records it names.
extension StitchService {
    /// `match.ask`: keeps the ask (one per subject, candidate and day), dated today unless it
    /// says otherwise, and answers it as kept.
    public func ask(_ input: Ask) throws(ServiceError) -> Ask {
        var ask = input
        if ask.date == nil { ask.date = Self.today() }
        if let problem = ask.validationErrors().first { throw ServiceError.invalidParams(problem) }
        guard isSubject(ask.subject) else {
            throw .query(.unknownMember(field: "subject", id: ask.subject), engine: engine)
        }
        guard engine.contains(member: ask.candidate) else {
            throw .query(.unknownMember(field: "candidate", id: ask.candidate), engine: engine)
        }
        try storeAsks("match.ask") { try $0.save(ask: ask) }
        asks.removeAll { $0 == ask }
        asks.append(ask)
        withdrawSnapshot()
        return ask
    }

    /// `match.asks`: the asks kept (of `candidate` and of `subject` when given), newest first,
    /// each saying whether it is still pending (no exchange from the helper to the person since).
    public func listAsks(_ params: MethodParams.Asks) throws(ServiceError) -> MethodResults.Asks {
        for (field, id) in [("subject", params.subject), ("candidate", params.candidate)] {
            if let id, let problem = RecordBounds.idProblem(id) { throw ServiceError.invalidParams(ValidationError(field: field, reason: problem)) }
        }
        let chosen = asks.filter { (params.subject == nil || $0.subject == params.subject) && (params.candidate == nil || $0.candidate == params.candidate) }
        let wanted = Set(chosen.map { "\($0.candidate)\u{0}\($0.subject)" })
        var latest: [String: CalendarDate] = [:]
        for exchange in community.exchanges {
            guard let date = exchange.date else { continue }
            let key = "\(exchange.giver)\u{0}\(exchange.receiver)"
            if wanted.contains(key), latest[key].map({ $0 < date }) ?? true { latest[key] = date }
        }
        let listed = chosen.sorted { ($1.date ?? .init(dayNumber: 0), $0.candidate, $0.subject) < ($0.date ?? .init(dayNumber: 0), $1.candidate, $1.subject) }
            .map { ask in
                let answered = latest["\(ask.candidate)\u{0}\(ask.subject)"].map { $0 >= (ask.date ?? .init(dayNumber: 0)) } ?? false
                return MethodResults.Asks.Listed(subject: ask.subject, candidate: ask.candidate, date: ask.date, pending: !answered)
            }
        return .init(asks: listed)
    }

    /// Every ask the load term weighs: those kept, and the buddies offered on referral records
    /// (on the referral's day).
    var asksWeighed: [Ask] {
        var all = asks
        for record in referrals.values {
            for offered in record.offered {
                if let buddy = offered.buddy { all.append(Ask(subject: record.person.id, candidate: buddy, date: record.date)) }
            }
        }
        return all
    }

    /// The engine in force with the asks weighed, the pairings and the dismissals that hold on
    /// `day`: what every query of that day reads.
    func judgedEngine(on day: CalendarDate) -> Engine {
        Self.judged(engine, asks: asksWeighed, exchanges: community.exchanges, pairings: pairings, dismissals: dismissals, on: day)
    }

    /// `engine` with the asks weighed, the pairings and the dismissals that hold on `day`.
    static func judged(
        _ engine: Engine, asks: [Ask], exchanges: [Exchange], pairings: [Pairing], dismissals: [Dismissal], on day: CalendarDate
    ) -> Engine {
        var judged = engine
        if !asks.isEmpty { judged = judged.weighingAsks(asks, exchanges: exchanges, on: day) }
        if !pairings.isEmpty { judged = judged.judgingPairings(pairings, on: day) }
        if !dismissals.isEmpty { judged = judged.judgingDismissals(dismissals, on: day) }
        return judged
    }

    /// Drops the asks and pairings that no longer resolve (after a removal or a new community).
    func pruneAsks() {
        guard !asks.isEmpty || !pairings.isEmpty else { return }
        let engine = engine
        let people = Set(referrals.values.map(\.person.id))
        asks.removeAll { !(engine.contains(member: $0.subject) || people.contains($0.subject)) || !engine.contains(member: $0.candidate) }
        pairings.removeAll { !(engine.contains(member: $0.person) || people.contains($0.person)) || !engine.contains(member: $0.helper) }
        withdrawSnapshot()
    }

    /// The asks and pairings whose people are members of `community` or referrals' people.
    static func resolvable(asks: [Ask], pairings: [Pairing], in community: Community, referrals: [ReferralRecord]) -> ([Ask], [Pairing]) {
        guard !asks.isEmpty || !pairings.isEmpty else { return (asks, pairings) }
        let members = Set(community.members.map(\.id))
        let people = Set(referrals.map(\.person.id))
        return (
            asks.filter { (members.contains($0.subject) || people.contains($0.subject)) && members.contains($0.candidate) },
            pairings.filter { (members.contains($0.person) || people.contains($0.person)) && members.contains($0.helper) }
        )
    }

    /// Stores a change of asks or pairings when the store keeps them (as ``store(_:)`` does a write).
    func storeAsks(_ name: String, _ body: @escaping (any AskPersistence) throws -> Void) throws(ServiceError) {
        guard let keeper = persistence as? any AskPersistence else { return }
        try store((name, { _ in try body(keeper) }))
    }
}
