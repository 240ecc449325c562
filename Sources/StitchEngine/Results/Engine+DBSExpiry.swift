public import StitchModel

/// A member's DBS check that has expired or expires soon, for a coordinator to renew.
///
/// Carries the member's id, the day the check expires and its level: no name.
public struct DBSExpiry: Sendable, Hashable, Codable {
    /// The member holding the check.
    public var member: String
    /// The day it expires (it no longer counts from that day).
    public var expires: CalendarDate
    public var level: DBSLevel
    /// True when it has already expired on the day asked about.
    public var expired: Bool

    public init(member: String, expires: CalendarDate, level: DBSLevel, expired: Bool) {
        self.member = member
        self.expires = expires
        self.level = level
        self.expired = expired
    }
}

extension Engine {
    /// The active members' DBS checks that expire on or before `days` days after `day`
    /// (those already expired included), soonest first, then by member id.
    ///
    /// A check on the Update Service, or of unknown date (the old `dbsChecked: true`), never
    /// expires and is never listed. Expiry is ``EngineConfiguration/dbsValidYears`` after the
    /// day it was issued, as `who can help` judges it.
    public func dbsExpiring(on day: CalendarDate, within days: Int = 30) -> [DBSExpiry] {
        let years = index.configuration.dbsValidYears
        let horizon = day.adding(days: days)
        var found: [DBSExpiry] = []
        for m in 0..<index.members.count where index.members.live[m] && index.members.has(m, .active) {
            guard let check = index.members.dbs[m], let level = check.level, let expires = check.expiry(afterYears: years),
                expires <= horizon
            else { continue }
            found.append(DBSExpiry(member: index.members.ids[m], expires: expires, level: level, expired: expires <= day))
        }
        return found.sorted { ($0.expires, $0.member) < ($1.expires, $1.member) }
    }
}
