/// The level of a DBS (Disclosure and Barring Service) check, lowest first.
public enum DBSLevel: String, CaseIterable, Sendable, Hashable, Codable, Comparable {
    case basic, standard, enhanced

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "DBS level")
    }

    public static func < (a: DBSLevel, b: DBSLevel) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .basic: 0
        case .standard: 1
        case .enhanced: 2
        }
    }
}

/// A member's DBS check: when it was issued, its level, and whether it is kept current by the
/// DBS Update Service.
///
/// A check older than the community's period (three years by default) has expired unless it is
/// on the Update Service. The old record form `"dbsChecked": true` is read as a check of unknown
/// date and level (``legacy``): it never expires, because nobody can say when, and it meets any
/// level asked, as that field always meant an enhanced check.
///
/// ```json
/// "dbs": {"checked": "2024-03-01", "level": "enhanced", "updateService": false}
/// ```
public struct DBSCheck: Sendable, Hashable, Codable {
    /// The day the certificate was issued; `nil` only for a check recorded as `dbsChecked: true`.
    public var checked: CalendarDate?
    /// Its level; `nil` only for a check recorded as `dbsChecked: true`.
    public var level: DBSLevel?
    /// Kept current by the DBS Update Service: it does not expire.
    public var updateService: Bool

    public init(checked: CalendarDate?, level: DBSLevel?, updateService: Bool = false) {
        self.checked = checked
        self.level = level
        self.updateService = updateService
    }

    /// A check recorded by the old `dbsChecked: true`: date and level unknown.
    public static let legacy = DBSCheck(checked: nil, level: nil)

    /// The day it expires after `years` (the same month and day; 28 February for a check of
    /// 29 February), or `nil` when it does not expire (Update Service, or date unknown).
    public func expiry(afterYears years: Int) -> CalendarDate? {
        guard !updateService, let checked else { return nil }
        let (y, m, d) = checked.components
        return CalendarDate(year: y + years, month: m, day: d) ?? CalendarDate(year: y + years, month: m, day: d - 1)
    }

    /// Whether it meets a requirement of `level` (`nil`: any check): a check of unknown level
    /// meets every level.
    public func meets(_ wanted: DBSLevel?) -> Bool {
        guard let wanted, let level else { return true }
        return level >= wanted
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case checked, level, updateService }

    /// The keys of its JSON object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        checked = try c.decode(CalendarDate.self, forKey: .checked)
        level = try c.decode(DBSLevel.self, forKey: .level)
        updateService = try c.decode(Bool.self, forKey: .updateService, default: false)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(checked, forKey: .checked)
        try c.encodeIfPresent(level, forKey: .level)
        try c.encode(updateService, forKey: .updateService)
    }
}
