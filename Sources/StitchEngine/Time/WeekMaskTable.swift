/// Week masks of many members or activities stored contiguously, `WeekMask.wordCount` words each.
///
/// The scoring loop reads a row with no allocation: ``overlapMinutes(row:with:)`` ANDs and
/// counts directly in the table's storage.
struct WeekMaskTable: Sendable {
    private(set) var words: [UInt64] = []
    private(set) var isKnown: [Bool] = []

    var count: Int { isKnown.count }

    mutating func append(_ mask: WeekMask, known: Bool) {
        words.append(contentsOf: mask.words)
        isKnown.append(known)
    }

    mutating func replace(row: Int, with mask: WeekMask, known: Bool) {
        let base = row * WeekMask.wordCount
        for i in 0..<WeekMask.wordCount { words[base + i] = mask.words[i] }
        isKnown[row] = known
    }

    func mask(row: Int) -> WeekMask {
        var mask = WeekMask()
        let base = row * WeekMask.wordCount
        for i in 0..<WeekMask.wordCount { mask.words[i] = words[base + i] }
        return mask
    }

    /// Minutes free both in `row` and in `other`.
    @inline(__always)
    func overlapMinutes(row: Int, with other: WeekMask) -> Int {
        let base = row * WeekMask.wordCount
        var count = 0
        other.words.withUnsafeBufferPointer { o in
            words.withUnsafeBufferPointer { w in
                for i in 0..<WeekMask.wordCount { count &+= (w[base &+ i] & o[i]).nonzeroBitCount }
            }
        }
        return count &* 15
    }
}
