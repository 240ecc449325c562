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

    init(memberCount: Int) {
        given = Array(repeating: 0, count: memberCount)
        received = given
        recentHours = given
        load = given
    }

    /// Adds members with nothing given or received until there are `count`.
    mutating func grow(to count: Int) {
        let extra = count - given.count
        guard extra > 0 else { return }
        for column in [\TimeLedger.given, \.received, \.recentHours, \.load] {
            self[keyPath: column].append(contentsOf: repeatElement(0, count: extra))
        }
    }

    func balance(_ m: Int) -> Double { given[m] - received[m] }

    /// Records one exchange seen from `today`; `sign` −1 takes a recorded one back out.
    mutating func record(
        giver: Int, receiver: Int, hours: Double, date: CalendarDate?, today: CalendarDate, windowDays: Int, sign: Double = 1
    ) {
        let hours = hours * sign
        given[giver] = Self.settled(given[giver] + hours)
        received[receiver] = Self.settled(received[receiver] + hours)
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
