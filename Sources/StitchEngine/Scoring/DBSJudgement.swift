import StitchModel

/// Whether a member's DBS check meets what a request asks, on the day it is judged: the one place
/// that knows the `dbs` constraint (who can help ranks and explains with it; the expiry list
/// reads its dates).
///
/// A check meets a request when it is at least the level asked (a check of unknown level, the
/// old `dbsChecked: true`, meets any) and has not expired: a check expires ``EngineConfiguration/dbsValidYears``
/// after the day it was issued, unless it is on the Update Service; one of unknown date never
/// expires, since nobody can say when.
struct DBSJudgement {
    let level: DBSLevel
    let day: CalendarDate
    let validYears: Int

    /// Whether `check` passes.
    @inline(__always)
    func passes(_ check: DBSCheck?) -> Bool {
        guard let check, check.meets(level) else { return false }
        guard let expiry = check.expiry(afterYears: validYears) else { return true }
        return day < expiry
    }

    /// The `explain` detail of the constraint for `check`.
    func detail(_ check: DBSCheck?) -> String {
        guard let check else { return "No DBS check" }
        guard check.meets(level) else { return "Holds a \(check.level?.rawValue ?? "") DBS check; \(level.rawValue) is needed" }
        let held = check.level.map { "Holds \($0 == .enhanced ? "an" : "a") \($0.rawValue) DBS check" } ?? "Holds a DBS check of unknown level"
        guard let checked = check.checked else { return "\(held), date not recorded" }
        if check.updateService { return "\(held) of \(checked), kept current by the Update Service" }
        guard let expiry = check.expiry(afterYears: validYears) else { return held }
        return day < expiry ? "\(held) of \(checked), in date until \(expiry.adding(days: -1))" : "DBS check expired on \(expiry)"
    }
}
