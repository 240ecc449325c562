import Foundation
@testable import StitchEngine
import StitchTestSupport
import Testing

/// The numbers in reasons read exactly as `%.1f` would print them, ties and all.
@Suite struct FormulaTextTests {
    @Test func oneDecimalPrintsAsPrintfDoes() {
        var rng = SplitMix64(seed: 5)
        var values: [Double] = [0, 0.05, 0.25, 0.35, 0.45, 0.75, 1.05, 1.25, 2.5, 2.65, 9.95, 9.949999999999999, 99.95, 1234.25]
        // Exact binary ties (k + 0.25, k + 0.75) and their neighbours, and values spread widely.
        for k in 0..<200 {
            let tie = Double(k) + (k % 2 == 0 ? 0.25 : 0.75)
            values += [tie, tie.nextUp, tie.nextDown, Double(k) / 10, (Double(k) + 0.05), Double(k) / 20]
        }
        for _ in 0..<20_000 {
            values.append(Double.random(in: 0..<60, using: &rng))
            values.append(Double(Int.random(in: 0..<100_000, using: &rng)) / 100)
        }
        for x in values {
            #expect(Formulas.oneDecimal(x) == String(format: "%.1f", x), "\(x)")
        }
    }

    @Test func distancesAndHoursReadPlainly() {
        #expect(Formulas.distanceText(0.349) == "350 m")
        #expect(Formulas.distanceText(1.25) == "1.2 km")
        #expect(Formulas.distanceText(3.06) == "3.1 km")
        #expect(Formulas.hoursText(2) == "2 h")
        #expect(Formulas.hoursText(1.5) == "1.5 h")
        #expect(Formulas.hoursText(0.75) == "45 min")
    }
}
