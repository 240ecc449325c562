public import StitchModel

/// How big a generated community is, which seed it grows from and when and where it lives.
///
/// Everything about a generated community follows from these values: the same configuration
/// gives byte-identical output on any machine. Sizes default in proportion to `members`: one
/// activity per eight members (at least 12) and about six exchanges per member over the two
/// years before `referenceDate`.
///
/// ```swift
/// let small = GeneratorConfiguration(members: 300)                       // 38 activities, 1,800 exchanges
/// let bench = GeneratorConfiguration(members: 100_000, seed: 7)
/// let custom = GeneratorConfiguration(members: 500, activities: 60, exchanges: 4_000)
/// ```
public struct GeneratorConfiguration: Sendable, Hashable {
    /// Number of members to generate.
    public var members: Int
    /// Number of activities to generate (besides any passed in from elsewhere).
    public var activities: Int
    /// Number of exchanges over the history window.
    public var exchanges: Int
    /// The seed of every random choice.
    public var seed: UInt64
    /// "Today" for the community: ages, exchange dates and attendance are counted back from it.
    public var referenceDate: CalendarDate
    /// Days of exchange history before `referenceDate` (two years by default).
    public var historyDays: Int
    /// The centre of the community. Neighbourhoods keep Lewisham's real layout, moved so that
    /// Lewisham town centre falls here (the default is Lewisham itself: 51.4613, -0.0106).
    public var centre: Location
    /// Whether some members are in a prison time bank (about 1.5%).
    public var includePrison: Bool
    /// Prefix of every generated id: members `<prefix>m-0001`, activities `<prefix>a-001`,
    /// exchanges `<prefix>x-00001`. The default `g-` keeps clear of hand-written ids.
    public var idPrefix: String

    /// Lewisham town centre (51.4613, -0.0106).
    public static let lewisham = Location(lat: 51.4613, lon: -0.0106)!

    /// 1 November 2026.
    public static let defaultReferenceDate = CalendarDate(year: 2026, month: 11, day: 1)!

    public init(
        members: Int = 300, activities: Int? = nil, exchanges: Int? = nil, seed: UInt64 = 2026,
        referenceDate: CalendarDate = GeneratorConfiguration.defaultReferenceDate, historyDays: Int = 730,
        centre: Location = GeneratorConfiguration.lewisham, includePrison: Bool = true, idPrefix: String = "g-"
    ) {
        self.members = max(0, members)
        self.activities = max(0, activities ?? max(12, members / 8))
        self.exchanges = max(0, exchanges ?? 6 * members)
        self.seed = seed
        self.referenceDate = referenceDate
        self.historyDays = max(1, historyDays)
        self.centre = centre
        self.includePrison = includePrison
        self.idPrefix = idPrefix
    }
}
