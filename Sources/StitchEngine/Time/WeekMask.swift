public import StitchModel

/// A week at 15-minute resolution as a 672-bit set: bit `day * 96 + quarter` is set when free.
///
/// Overlap of two people's availability, or of a person and an activity's schedule, is a
/// bitwise AND and a population count, which keeps the availability factor allocation-free in
/// the scoring loop. A slot covers every quarter hour it touches (start rounded down, end up).
public struct WeekMask: Sendable, Hashable {
    /// Number of 64-bit words in a mask.
    public static let wordCount = 11
    /// Quarter hours in a day.
    public static let quartersPerDay = 96

    /// The words, `wordCount` of them.
    public internal(set) var words: [UInt64]

    /// An empty week.
    public init() { words = Array(repeating: 0, count: Self.wordCount) }

    /// The union of slots.
    public init<S: Sequence>(_ slots: S) where S.Element == Slot {
        self.init()
        for slot in slots { insert(slot) }
    }

    /// Marks a slot as free.
    public mutating func insert(_ slot: Slot) {
        let base = slot.day.index * Self.quartersPerDay
        let first = slot.start.minutes / 15
        let last = (slot.end.minutes + 14) / 15
        for q in first..<last {
            let bit = base + q
            words[bit >> 6] |= UInt64(1) << UInt64(bit & 63)
        }
    }

    /// True when no quarter hour is free.
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Free minutes in the week.
    public var minutes: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } * 15 }

    /// Minutes free in both masks.
    public func overlapMinutes(with other: WeekMask) -> Int {
        var count = 0
        for i in 0..<Self.wordCount { count += (words[i] & other.words[i]).nonzeroBitCount }
        return count * 15
    }

    /// The quarter hours free in both.
    public func intersection(_ other: WeekMask) -> WeekMask {
        var out = WeekMask()
        for i in 0..<Self.wordCount { out.words[i] = words[i] & other.words[i] }
        return out
    }

    /// True when the quarter hour at `bit` is free.
    @inlinable
    public func contains(bit: Int) -> Bool { words[bit >> 6] & (UInt64(1) << UInt64(bit & 63)) != 0 }

    /// The free time as maximal slots, in week order: the inverse of ``init(_:)``.
    public var slots: [Slot] {
        var out: [Slot] = []
        for day in Weekday.allCases {
            let base = day.index * Self.quartersPerDay
            var q = 0
            while q < Self.quartersPerDay {
                guard contains(bit: base + q) else { q += 1; continue }
                let start = q
                while q < Self.quartersPerDay, contains(bit: base + q) { q += 1 }
                if let s = TimeOfDay(minutes: start * 15), let e = TimeOfDay(minutes: q * 15), let slot = Slot(day: day, start: s, end: e) {
                    out.append(slot)
                }
            }
        }
        return out
    }
}
