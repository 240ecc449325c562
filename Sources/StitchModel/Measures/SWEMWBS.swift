/// One completed Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS): seven items, each a
/// whole number from 1 ("none of the time") to 5 ("all of the time"), about the last two weeks.
///
/// The raw score is the sum of the items (7 to 35). SWEMWBS is scored on its **metric** scale:
/// the raw score converted with the published raw-to-metric table, which puts the scores on an
/// interval scale from a Rasch model (Stewart-Brown et al. 2009, *Health and Quality of Life
/// Outcomes* 7:15; the table is the one Warwick Medical School publishes with its scoring
/// guidance, ``metricScores``). Changes are compared in metric points, against
/// ``minimalImportantDifference``.
///
/// On the wire it is the seven items in order, as a JSON array: `[2, 3, 2, 3, 2, 3, 3]`. A value
/// exists only when all seven items are valid: the initialiser and the decoder check each item
/// and name it (`items[3]`, or `before.swemwbs[3]` inside a measurement).
///
/// SWEMWBS is © NHS Health Scotland, the University of Warwick and the University of Edinburgh;
/// it is free to use, but users must register with Warwick Medical School first
/// (docs/referrals.md, "Measures"). Stitch stores the item answers, never the item wording.
///
/// ```swift
/// let scale = try SWEMWBS(items: [3, 3, 3, 3, 3, 3, 3])
/// scale.rawScore     // 21
/// scale.metricScore  // 19.25
/// ```
public struct SWEMWBS: Sendable, Hashable, Codable {
    /// The item answers in the scale's order, each 1 to 5.
    public let items: [Int]

    /// The number of items.
    public static let itemCount = 7
    /// The answers an item may take: 1 (none of the time) to 5 (all of the time).
    public static let itemRange = 1...5
    /// The raw scores a completed scale may have.
    public static let rawRange = 7...35

    /// The metric score of each raw score from 7 to 35, in order (index `raw − 7`).
    ///
    /// Source: the SWEMWBS raw-score-to-metric-score conversion table of Warwick Medical School
    /// (from the Rasch analysis of Stewart-Brown et al. 2009). Checked against three independent
    /// public copies of the table, which agree on every value; a fourth gives 25.99 for a raw
    /// score of 29, where the table and the other copies give 26.02.
    public static let metricScores: [Double] = [
        7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36,  // raw 7–16
        16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21,  // raw 17–26
        24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,  // raw 27–35
    ]

    /// The change in metric points Stitch counts as important for one person: 3.
    ///
    /// Shah et al. (2018, *Health and Quality of Life Outcomes* 16:239), the study of SWEMWBS's
    /// responsiveness, found that a change of 1 to 3 metric points is statistically important for
    /// an individual depending on the standard: 1 SEM is 1.03 points, 2.77 SEM (the 95%
    /// reliable-change standard) 2.87 points. Stitch uses the top of that range, rounded to 3,
    /// because it judges one person's change (a GP reading "improved" should not be reading
    /// measurement noise); group means are reported with their confidence interval instead
    /// (``ChangeSummary``).
    public static let minimalImportantDifference = 3.0

    /// Creates a completed scale, checking every item.
    ///
    /// - Throws: ``ValidationErrors`` listing each bad item at `items[i]` (0-based, the item's
    ///   number from 1 in the reason), or the count at `items`.
    public init(items: [Int]) throws(ValidationErrors) {
        let errors = Self.validationErrors(items: items)
        guard errors.isEmpty else { throw ValidationErrors(errors) }
        self.items = items
    }

    /// The problems with a list of item answers, each at `field[i]` (or at `field` for the count).
    public static func validationErrors(items: [Int], field: String = "items") -> [ValidationError] {
        var errors: [ValidationError] = []
        if items.count != itemCount {
            errors.append(.init(field: field, reason: countReason(items.count)))
        }
        for (i, item) in items.prefix(itemCount).enumerated() where !itemRange.contains(item) {
            errors.append(.init(field: "\(field)[\(i)]", reason: itemReason(i, "\(item)")))
        }
        return errors
    }

    /// The sum of the items, 7 to 35.
    public var rawScore: Int { items.reduce(0, +) }

    /// The raw score converted to the metric scale (7.00 to 35.00) with ``metricScores``.
    public var metricScore: Double { Self.metricScore(raw: rawScore) }

    /// The metric score of a raw score from 7 to 35 (a programming error outside that range).
    public static func metricScore(raw: Int) -> Double {
        precondition(rawRange.contains(raw), "a SWEMWBS raw score is 7 to 35")
        return metricScores[raw - rawRange.lowerBound]
    }

    static func countReason(_ count: Int) -> String {
        "has \(count) items; SWEMWBS has exactly \(itemCount), each a whole number from 1 to 5"
    }

    static func itemReason(_ index: Int, _ value: String) -> String {
        "item \(index + 1) is \(value), out of range; "
            + "expected a whole number from 1 (none of the time) to 5 (all of the time)"
    }

    public init(from decoder: any Decoder) throws {
        var list = try decoder.unkeyedContainer()
        var items: [Int] = []
        while !list.isAtEnd, items.count <= Self.itemCount {
            let index = list.currentIndex
            let value = try list.decode(Double.self)
            guard value == value.rounded(), Self.itemRange.contains(Int(exactly: value) ?? 0) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: list.codingPath + [IndexKey(index)],
                        debugDescription: Self.itemReason(index, RecordBounds.number(value))))
            }
            items.append(Int(value))
        }
        guard items.count == Self.itemCount, list.isAtEnd else {
            let count = list.count ?? items.count
            throw DecodingError.dataCorrupted(
                .init(codingPath: list.codingPath, debugDescription: Self.countReason(count)))
        }
        self.items = items
    }

    public func encode(to encoder: any Encoder) throws {
        var list = encoder.unkeyedContainer()
        try list.encode(contentsOf: items)
    }
}

/// An array index as a coding key, so an error inside an array keeps its `[i]` in the path.
struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}
