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
    /// Members who gave in the last 12 months and received in the last 12 months.
    private(set) var gaveLastYear: [Bool]
    private(set) var receivedLastYear: [Bool]

    init(memberCount: Int) {
        given = Array(repeating: 0, count: memberCount)
        received = given
        recentHours = given
        load = given
        gaveLastYear = Array(repeating: false, count: memberCount)
        receivedLastYear = gaveLastYear
    }

    func balance(_ m: Int) -> Double { given[m] - received[m] }

    /// Records one exchange seen from `today`.
    mutating func record(giver: Int, receiver: Int, hours: Double, date: CalendarDate?, today: CalendarDate, windowDays: Int) {
        given[giver] += hours
        received[receiver] += hours
        guard let date else { return }
        let age = today.dayNumber - date.dayNumber
        guard age >= 0 else { return }
        if age < windowDays { recentHours[giver] += hours }
        if age <= 365 {
            gaveLastYear[giver] = true
            receivedLastYear[receiver] = true
        }
        load[giver] += hours * exp(-Double(age) / 30)
    }
}
