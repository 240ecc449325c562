/// The known word a person most probably meant by one that names nothing: the "did you mean"
/// of every refusal in Stitch (a misspelt field, skill, member or activity id, access term, day,
/// method or command).
///
/// Words are compared by edit distance (insertions, deletions, substitutions and swaps of two
/// neighbouring characters each count one), ignoring ASCII letter case, and a word is near when
/// at most ``allowedEdits(forLength:)`` edits away (one for words of up to four characters, two
/// up to twelve, then a sixth of the length) and the edits do not replace the whole of its end
/// after the start they share (`m-2` is not suggested for `m-1`). Among words equally near, the one that sorts first
/// (by its bytes) wins, so the answer never depends on the order candidates come in.
///
/// ```swift
/// NearestWord.nearest(to: "offer", among: ["id", "offers", "needs"])     // "offers"
/// NearestWord.unknown("field", "offer", among: Member.fieldKeys.names)
/// // "unknown field 'offer'; did you mean 'offers'?"
/// ```
public enum NearestWord {
    /// The most edits a word of `length` characters may be from a known word to be suggested.
    public static func allowedEdits(forLength length: Int) -> Int {
        switch length {
        case ...4: 1
        case ...12: 2
        default: length / 6
        }
    }

    /// The candidate nearest to `word`, or `nil` when none is within ``allowedEdits(forLength:)``
    /// (an exact match, ignoring case, counts as near).
    public static func nearest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        nearest(to: word, among: candidates, text: { $0 })
    }

    /// The candidate whose `text` is nearest to `word` (see the type's notes); `nil` when none is near.
    ///
    /// - Parameter maximumEdits: the most edits allowed, when fewer than the length allows.
    public static func nearest<S: Sequence>(
        to word: String, among candidates: S, maximumEdits: Int? = nil, text: (S.Element) -> String
    ) -> S.Element? {
        let target = Array(word.utf8).map(Self.folded)
        guard !target.isEmpty else { return nil }
        let allowed = min(maximumEdits ?? .max, allowedEdits(forLength: word.count))
        var best: (distance: Int, text: String, element: S.Element)?
        var rows = DistanceRows(capacity: target.count + 1)
        for candidate in candidates {
            let other = text(candidate)
            let count = other.utf8.count
            guard abs(count - target.count) <= allowed, count > 0 else { continue }
            let limit = min(allowed, best?.distance ?? allowed)
            let d = rows.distance(target, other, limit: limit)
            guard d <= limit, Self.keepsSomethingOfItsEnd(target, other, distance: d) else { continue }
            if let b = best, d == b.distance, !other.utf8.lexicographicallyPrecedes(b.text.utf8) { continue }
            best = (d, other, candidate)
        }
        return best?.element
    }

    /// Whether the edits leave something of the word after the start the two share: a word
    /// whose whole end is replaced (`m-x` for `m-a`, `m-12` for `m-13`) is another word, not a
    /// typing slip, while one whose end is only cut or extended (`giv` for `give`) is.
    static func keepsSomethingOfItsEnd(_ a: [UInt8], _ b: String, distance: Int) -> Bool {
        guard distance > 0 else { return true }
        var shared = 0
        for (x, y) in zip(a, b.utf8) {
            guard x == Self.folded(y) else { break }
            shared += 1
        }
        let endA = a.count - shared, endB = b.utf8.count - shared
        return min(endA, endB) == 0 || distance < max(endA, endB)
    }

    /// Edit distance between two words (see the type's notes), or any value above `limit` once it
    /// is sure to pass it.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let target = Array(a.utf8).map(Self.folded)
        var rows = DistanceRows(capacity: target.count + 1)
        return rows.distance(target, b, limit: limit)
    }

    /// `"; did you mean 'offers'?"`, or nothing when there is no suggestion: the tail every
    /// refusal puts after what it refused.
    public static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `"unknown field 'offer'; did you mean 'offers'?"`, or, when nothing is near,
    /// `"unknown field 'xyz'; expected one of id, name, …"` listing every known word.
    ///
    /// - Parameters:
    ///   - kind: what the word is (`field`, `method`, `access term`).
    ///   - known: every known word, in the order to list them.
    public static func unknown(_ kind: String, _ word: String, among known: [String]) -> String {
        let shown = Self.shown(word)
        if let near = nearest(to: word, among: known) { return "unknown \(kind) '\(shown)'; did you mean '\(near)'?" }
        return "unknown \(kind) '\(shown)'; expected one of \(known.joined(separator: ", "))"
    }

    /// `"unknown member id 'm-artur'; did you mean 'm-arthur'?"`: the reason of every error that
    /// names an id not known (`kind`: `member`, `activity`).
    public static func unknownID(_ kind: String, _ id: String, nearest: String?) -> String {
        "unknown \(kind) id '\(id)'\(didYouMean(nearest))"
    }

    /// A word as a refusal quotes it: cut to 40 characters, control characters replaced by `?`.
    public static func shown(_ word: String) -> String {
        var shown = String(String.UnicodeScalarView(word.unicodeScalars.prefix(40).map { RecordBounds.isControl($0) ? "?" : $0 }))
        if word.unicodeScalars.count > 40 { shown += "…" }
        return shown
    }

    /// An ASCII upper-case letter as lower case; every other byte as it is.
    @inline(__always)
    static func folded(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }
}

/// The three rows of the edit-distance table, kept from one candidate to the next so that a
/// search over many words allocates them once.
private struct DistanceRows {
    var previous: [Int]
    var current: [Int]
    var beforePrevious: [Int]

    init(capacity: Int) {
        previous = Array(repeating: 0, count: capacity)
        current = previous
        beforePrevious = previous
    }

    /// The optimal-string-alignment distance between `a` (already folded) and `b`, or a value
    /// above `limit` as soon as every entry of a row passes it.
    mutating func distance(_ a: [UInt8], _ b: String, limit: Int) -> Int {
        let n = a.count
        if previous.count < n + 1 {
            previous = Array(repeating: 0, count: n + 1)
            current = previous
            beforePrevious = previous
        }
        guard n > 0 else { return b.utf8.count }
        for j in 0...n { previous[j] = j }
        var lastByte: UInt8 = 0
        var row = 0
        for raw in b.utf8 {
            row += 1
            let byte = NearestWord.folded(raw)
            current[0] = row
            var rowBest = row
            for j in 1...n {
                var d = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[j - 1] == byte ? 0 : 1))
                if row > 1, j > 1, a[j - 1] == lastByte, a[j - 2] == byte { d = Swift.min(d, beforePrevious[j - 2] + 1) }
                current[j] = d
                rowBest = Swift.min(rowBest, d)
            }
            if rowBest > limit { return limit + 1 }
            swap(&beforePrevious, &previous)
            swap(&previous, &current)
            lastByte = byte
        }
        return row == 0 ? n : previous[n]
    }
}
