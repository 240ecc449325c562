import Foundation
import StitchModel

/// Time credits and recent load of every member, from the recorded exchanges.
///
/// `balance` is hours given minus hours received (one hour, one credit). `recentHours` is what
/// a member gave in the last ``EngineConfiguration/overloadWindowDays`` days (the overload
/// constraint); `load` is hours given weighted by `exp(-age / 30 days)`, so a helper who gave a
/// lot last week counts as busier than one who gave the same a year ago.
struct TimeLedger: Sendable {
    private(set) var given: [Double]
    private(set) var received: [Double]
    private(set) var recentHours: [Double]
    private(set) var load: [Double]
    /// The reciprocity of asking each member to give, from their balance and load
    /// (``reciprocity(balance:load:)``), kept up to date by every record so that scoring loops
    /// read it rather than work it out.
    private(set) var giverReciprocity: [Double]

    init(memberCount: Int) {
        given = Array(repeating: 0, count: memberCount)
        received = given
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
        for column in [\TimeLedger.given, \.received, \.recentHours, \.load] {
            self[keyPath: column].append(contentsOf: repeatElement(0, count: extra))
        }
        giverReciprocity.append(contentsOf: repeatElement(Self.reciprocity(balance: 0, load: 0), count: extra))
    }

    func balance(_ m: Int) -> Double { given[m] - received[m] }

    /// Records one exchange seen from `today`; `sign` −1 takes a recorded one back out.
    mutating func record(
        giver: Int, receiver: Int, hours: Double, date: CalendarDate?, today: CalendarDate, windowDays: Int, sign: Double = 1
    ) {
        let hours = hours * sign
        given[giver] = Self.settled(given[giver] + hours)
        received[receiver] = Self.settled(received[receiver] + hours)
        defer {
            giverReciprocity[giver] = Self.reciprocity(balance: balance(giver), load: load[giver])
            giverReciprocity[receiver] = Self.reciprocity(balance: balance(receiver), load: load[receiver])
        }
        guard let date else { return }
        let age = today.dayNumber - date.dayNumber
        guard age >= 0 else { return }
        if age < windowDays { recentHours[giver] = Self.settled(recentHours[giver] + hours) }
        load[giver] = Self.settled(load[giver] + hours * exp(-Double(age) / 30))
    }

    /// Sums that should return to zero after taking records out come back as tiny rounding
    /// residues (or −0): snap them to zero so "gave nothing lately" stays exact.
    private static func settled(_ x: Double) -> Double { abs(x) < 1e-9 ? 0 : x }
}
