import Foundation
public import StitchModel

extension Engine {
    /// This engine with the asks of helpers weighed into the reciprocity factor's load term, as
    /// of `day`: a helper asked often lately, or asked and not yet met by an exchange, counts as
    /// busier, so the next answers spread the asks (docs/scoring.md, "Asks in the load term").
    ///
    /// Asks are not part of the community: the service keeps them (and the buddies offered on
    /// referrals) and hands them to the engine a query reads. An ask is pending while no exchange
    /// from its candidate to its subject is dated on or after the ask's day; `exchanges` are the
    /// community's. Asks after `day`, or naming an unknown candidate, do not count.
    ///
    /// ```swift
    /// let weighed = engine.weighingAsks([Ask(subject: "m-arthur", candidate: "m-jade", date: today)], exchanges: [], on: today)
    /// ```
    public func weighingAsks(_ asks: [Ask], exchanges: [Exchange], on day: CalendarDate) -> Engine {
        guard !asks.isEmpty || !index.askLoad.isEmpty else { return self }
        let load = Self.askLoad(asks, exchanges: exchanges, on: day, memberIndex: index.memberIndex, count: index.members.count)
        var engine = self
        engine.index.setAskLoad(load)
        return engine
    }

    /// The ask load of each member (by member index), in hours, from the asks in force on `day`.
    static func askLoad(
        _ asks: [Ask], exchanges: [Exchange], on day: CalendarDate, memberIndex: [String: Int32], count: Int
    ) -> [Double] {
        var load = [Double](repeating: 0, count: count)
        guard !asks.isEmpty else { return load }
        // The latest exchange from each asked helper to the person they were asked for.
        struct Pair: Hashable { let giver: String, receiver: String }
        var latest: [Pair: CalendarDate] = [:]
        for ask in asks { latest[Pair(giver: ask.candidate, receiver: ask.subject)] = CalendarDate(dayNumber: Int.min) }
        for exchange in exchanges {
            guard let date = exchange.date else { continue }
            let pair = Pair(giver: exchange.giver, receiver: exchange.receiver)
            if let seen = latest[pair], seen < date { latest[pair] = date }
        }
        for ask in asks {
            guard let m = memberIndex[ask.candidate], Int(m) < count else { continue }
            let date = ask.date ?? day
            let age = day.dayNumber - date.dayNumber
            guard age >= 0 else { continue }
            let answered = latest[Pair(giver: ask.candidate, receiver: ask.subject)].map { $0 >= date } ?? false
            load[Int(m)] += Formulas.askLoad(ageDays: age, pending: !answered)
        }
        return load
    }
}

extension CommunityIndex {
    /// Sets the ask load of every member (hours, by member index) and the reciprocity of asking
    /// each, which then reads their load of hours given plus their ask load.
    mutating func setAskLoad(_ load: [Double]) {
        askLoad = load
        askedReciprocity = load.indices.map { m in
            m < ledger.given.count
                ? TimeLedger.reciprocity(balance: ledger.balance(m), load: ledger.load[m] + load[m]) : TimeLedger.reciprocity(balance: 0, load: load[m])
        }
    }

    /// A member's ask load in hours (0 when no asks were weighed).
    @inline(__always)
    func askHours(_ m: Int) -> Double { m < askLoad.count ? askLoad[m] : 0 }

    /// The reciprocity of asking each member, by member index: with the asks weighed when they
    /// were, else from hours given alone.
    var reciprocityColumn: [Double] { askedReciprocity.isEmpty ? ledger.giverReciprocity : askedReciprocity }
}
