import Foundation
import StitchModel

/// The factor formulas shared by every job. docs/scoring.md gives each with its reasoning.
enum Formulas {
    /// Distance at which locality is one half, in km.
    static let localityHalfKm = 2.0
    /// Neutral value of a factor whose inputs are unknown.
    static let neutral = 0.5

    /// Locality: `1 / (1 + (d / 2 km)²)`: 0.5 km → 0.94, 1 km → 0.8, 2 km → 0.5, 4 km → 0.2.
    @inline(__always)
    static func locality(km: Double) -> Double {
        let r = km / localityHalfKm
        return 1 / (1 + r * r)
    }

    /// Locality bounded from the squared chord between two unit vectors: `locality(R · chord)`,
    /// never below the locality of the arc (a chord is never longer than its arc), with no square
    /// root (`(R · chord / 2)² = R² · chord² / 4`).
    @inline(__always)
    static func localityBound(chordSquared: Double) -> Double {
        1 / (1 + chordSquared * (GreatCircle.earthRadiusKm * GreatCircle.earthRadiusKm / (localityHalfKm * localityHalfKm)))
    }

    /// How much a member should be offered chances to give, from their balance (given − received):
    /// `1 / (1 + exp(balance / 4 h))`; 0.5 when balanced, → 1 for those who mostly receive.
    @inline(__always)
    static func needToGive(balance: Double) -> Double { 1 / (1 + exp(balance / 4)) }

    /// Load spread: `1 / (1 + load / 6 h)`, where load is recent hours given, decayed with age.
    @inline(__always)
    static func loadSpread(load: Double) -> Double { 1 / (1 + load / 6) }

    /// Hours of load one ask of a helper adds: `askHours · exp(−age / 14 days)`, plus
    /// `pendingHours · exp(−age / 30 days)` while no exchange has followed it. An ask is a call on
    /// the helper's time even before (or without) an hour given; one still open weighs more.
    static let askHours = 6.0
    static let pendingAskHours = 6.0
    @inline(__always)
    static func askLoad(ageDays: Int, pending: Bool) -> Double {
        let age = Double(max(0, ageDays))
        return askHours * exp(-age / 14) + (pending ? pendingAskHours * exp(-age / 30) : 0)
    }

    /// Helper-side wellbeing: giving and connecting are good for the giver: `0.7·give + 0.3·connect`.
    static func giverWellbeing(_ goals: FiveWays, known: Bool) -> Double {
        known ? 0.7 * goals.give + 0.3 * goals.connect : neutral
    }

    /// Share of a person's goal mass an activity serves, square-rooted so that serving the main
    /// goal counts even when others are unserved: `sqrt(Σ_{w ∈ tags} g_w / Σ_w g_w)`.
    static func goalCoverage(_ goals: FiveWays, tags: UInt8) -> Double? {
        let total = goals.total
        guard total > 0 else { return nil }
        var served = 0.0
        for way in WellbeingWay.allCases where tags & way.bit != 0 { served += goals[way] }
        return (served / total).squareRoot()
    }

    /// Ways in a tag mask, for reasons.
    static func ways(_ tags: UInt8, among goals: FiveWays? = nil) -> [String] {
        WellbeingWay.allCases.filter { way in tags & way.bit != 0 && (goals.map { $0[way] > 0 } ?? true) }.map(\.displayName)
    }

    /// "1.2 km" / "350 m".
    static func distanceText(_ km: Double) -> String {
        km < 1 ? "\(Int((km * 1000 / 10).rounded()) * 10) m" : "\(oneDecimal(km)) km"
    }

    /// "2 h", "1.5 h", "45 min".
    static func hoursText(_ hours: Double) -> String {
        if hours < 1 { return "\(Int((hours * 60).rounded())) min" }
        return hours == hours.rounded() ? "\(Int(hours)) h" : "\(oneDecimal(hours)) h"
    }

    /// A non-negative finite number with one decimal exactly as `%.1f` prints it ("2.5", "12.0";
    /// the nearest tenth of the exact binary value, a tie to the even tenth), without Foundation's
    /// formatter, as every answer's reasons print a few of these.
    static func oneDecimal(_ x: Double) -> String {
        guard x.isFinite, x >= 0, x < 1e15 else { return String(format: "%.1f", x) }
        // The whole tenths below x·10, settled exactly with fused multiply-adds.
        var t = (x * 10).rounded(.down)
        if (-t).addingProduct(x, 10) < 0 { t -= 1 }
        if (-(t + 1)).addingProduct(x, 10) >= 0 { t += 1 }
        let beyondHalf = (-(t + 0.5)).addingProduct(x, 10)
        var tenths = Int(t)
        if beyondHalf > 0 || (beyondHalf == 0 && tenths % 2 == 1) { tenths += 1 }
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// "Connect, Take Notice and Give".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// The share of the locality factor an activity's cost keeps: `1 / (1 + cost / £30)`, so free
    /// (or cost unknown) keeps all, £3 a session 0.91, £7.60 0.80. Cost is a practical barrier
    /// like distance, and a small one beside it.
    @inline(__always)
    static func costShare(_ cost: Double) -> Double { cost > 0 ? 1 / (1 + cost / costScale) : 1 }

    /// The cost, in pounds a session, at which ``costShare(_:)`` is one half.
    static let costScale = 30.0

    /// A cost as a reason says it: "Free", "£2 a session", "£7.60 a session".
    static func costText(_ cost: Double) -> String {
        guard cost > 0 else { return "Free" }
        return "\(poundsText(cost)) a session"
    }

    /// Pounds: "£2", "£7.60".
    static func poundsText(_ pounds: Double) -> String {
        let pence = Int((pounds * 100).rounded())
        return pence % 100 == 0 ? "£\(pence / 100)" : "£\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)"
    }
}
