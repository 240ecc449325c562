import Foundation
import StitchModel

/// Time credits and recent load of every member, from the recorded exchanges and ledger entries.
///
/// `balance` is the member's credits: hours given, minus hours of help they paid for and
/// credits spent, plus credits donated to them, minus credits they donated (one hour, one
/// credit). `standing` is what reciprocity reads: the same without the donations a member made,
/// so a member who gives credits away is not then taken for a taker, and help paid by the good
/// will pot, the time bank or an organisation never lowers the standing of whoever received it
/// (docs/scoring.md, "reciprocity"; docs/ledger.md). `recentHours` is what
/// a member gave in the last ``EngineConfiguration/overloadWindowDays`` days (the overload
/// constraint); `load` is hours given weighted by `exp(-age / 30 days)`, so a helper who gave a
/// lot last week counts as busier than one who gave the same a year ago.
struct TimeLedger: Sendable {
    private(set) var given: [Double]
    private(set) var received: [Double]
    /// Credits donated to each member (or carried over to them from another time bank).
    private(set) var donatedIn: [Double]
    /// Credits each member donated to others or to the pot.
    private(set) var donatedOut: [Double]
    /// Hours of help each member received paid for by the good will pot.
    private(set) var potSupported: [Double]
    /// Hours each member gave lately (within the overload window) to an organisation's or the
    /// time bank's account, by that account's name: for the reasons.
    private(set) var recentAtAccounts: [Int: [String: Double]] = [:]
    private(set) var recentHours: [Double]
    private(set) var load: [Double]
    /// The reciprocity of asking each member to give, from their balance and load
    /// (``reciprocity(balance:load:)``), kept up to date by every record so that scoring loops
    /// read it rather than work it out.
    private(set) var giverReciprocity: [Double]

    init(memberCount: Int) {
        given = Array(repeating: 0, count: memberCount)
        received = given
        donatedIn = given
        donatedOut = given
        potSupported = given
        recentHours = given
        load = given
        giverReciprocity = Array(repeating: Self.reciprocity(balance: 0, load: 0), count: memberCount)
    }

    /// The reciprocity of asking a member to give: half their need to give (from their balance),
    /// half how little they have given lately (load spread).
    static func reciprocity(balance: Double, load: Double) -> Double {
        0.5 * Formulas.needToGive(balance: balance) + 0.5 * Formulas.loadSpread(load: load)
    }

    /// Adds members with nothing given or received until there are `count`.
    mutating func grow(to count: Int) {
        let extra = count - given.count
        guard extra > 0 else { return }
        for column in [\TimeLedger.given, \.received, \.donatedIn, \.donatedOut, \.potSupported, \.recentHours, \.load] {
            self[keyPath: column].append(contentsOf: repeatElement(0, count: extra))
        }
        giverReciprocity.append(contentsOf: repeatElement(Self.reciprocity(balance: 0, load: 0), count: extra))
    }

    /// A member's credits (what an export of balances carries).
    func balance(_ m: Int) -> Double { Self.settled(standing(m) - donatedOut[m]) }

    /// What reciprocity reads: hours given, minus help and activities paid for, plus credits
    /// donated to the member. Help paid by the pot or the time bank is not in it, nor credits
    /// the member donated.
    func standing(_ m: Int) -> Double { Self.settled(given[m] - received[m] + donatedIn[m]) }

    /// Records one exchange seen from `today`; `sign` −1 takes a recorded one back out.
    mutating func record(
        giver: Int, receiver: Int, hours: Double, date: CalendarDate?, today: CalendarDate, windowDays: Int, sign: Double = 1
    ) {
        give(giver, hours: hours, date: date, today: today, windowDays: windowDays, sign: sign)
        charge(receiver, hours: hours, sign: sign)
    }

    /// Member `m` gave `hours` of time (earning that many credits).
    mutating func give(_ m: Int, hours: Double, date: CalendarDate?, today: CalendarDate, windowDays: Int, sign: Double = 1) {
        let hours = hours * sign
        given[m] = Self.settled(given[m] + hours)
        defer { refresh(m) }
        guard let age = Self.age(of: date, today: today) else { return }
        if age < windowDays { recentHours[m] = Self.settled(recentHours[m] + hours) }
        load[m] = Self.settled(load[m] + hours * exp(-Double(age) / 30))
    }

    /// Member `m` paid `hours` credits for help or an activity.
    mutating func charge(_ m: Int, hours: Double, sign: Double = 1) {
        received[m] = Self.settled(received[m] + hours * sign)
        refresh(m)
    }

    /// Member `m` was donated `hours` credits (or had them carried over).
    mutating func credit(_ m: Int, hours: Double, sign: Double = 1) {
        donatedIn[m] = Self.settled(donatedIn[m] + hours * sign)
        refresh(m)
    }

    /// Member `m` donated `hours` credits.
    mutating func debit(_ m: Int, hours: Double, sign: Double = 1) {
        donatedOut[m] = Self.settled(donatedOut[m] + hours * sign)
    }

    /// Member `m` received `hours` of help paid for by the good will pot.
    mutating func supportFromPot(_ m: Int, hours: Double, sign: Double = 1) {
        potSupported[m] = Self.settled(potSupported[m] + hours * sign)
    }

    /// Member `m` gave `hours` at the account named `account` (an organisation, the time bank):
    /// kept for the reasons when it falls within the overload window.
    mutating func gave(
        _ m: Int, hours: Double, at account: String, date: CalendarDate?, today: CalendarDate, windowDays: Int, sign: Double = 1
    ) {
        guard let age = Self.age(of: date, today: today), age < windowDays else { return }
        let total = Self.settled(recentAtAccounts[m, default: [:]][account, default: 0] + hours * sign)
        recentAtAccounts[m, default: [:]][account] = total == 0 ? nil : total
        if recentAtAccounts[m]?.isEmpty == true { recentAtAccounts[m] = nil }
    }

    /// Forgets what member `m` gave at accounts (their slot is vacated).
    mutating func forgetAccounts(of m: Int) { recentAtAccounts[m] = nil }

    private mutating func refresh(_ m: Int) {
        giverReciprocity[m] = Self.reciprocity(balance: standing(m), load: load[m])
    }

    private static func age(of date: CalendarDate?, today: CalendarDate) -> Int? {
        guard let date else { return nil }
        let age = today.dayNumber - date.dayNumber
        return age >= 0 ? age : nil
    }

    /// Sums that should return to zero after taking records out come back as tiny rounding
    /// residues (or −0): snap them to zero so "gave nothing lately" stays exact.
    private static func settled(_ x: Double) -> Double { abs(x) < 1e-9 ? 0 : x }
}
