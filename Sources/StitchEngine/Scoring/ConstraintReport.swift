/// Collects the outcome of a candidate's hard constraints.
///
/// In ranking mode it stops at the first failure (the reason counted) and allocates nothing; in
/// explain mode it runs every check and keeps a line for each. Jobs write each constraint once,
/// as `guard report.check(.dbs, helperHasDBS, "…") else { return }`, so ranking and `explain`
/// can never disagree.
struct ConstraintReport {
    /// The first failing constraint, if any.
    private(set) var firstFailure: ExclusionReason?
    /// Explain mode: every check, in order.
    private(set) var checks: [ConstraintCheck]?

    init(explain: Bool) { checks = explain ? [] : nil }

    /// Every failing constraint (explain mode), or the first (ranking mode).
    var failures: [ExclusionReason] {
        checks.map { $0.filter { !$0.passed }.map(\.constraint) } ?? (firstFailure.map { [$0] } ?? [])
    }

    /// Records a check; returns whether evaluation should go on.
    @inline(__always)
    mutating func check(_ reason: ExclusionReason, _ passed: Bool, _ detail: @autoclosure () -> String) -> Bool {
        if !passed, firstFailure == nil { firstFailure = reason }
        if checks != nil {
            checks!.append(ConstraintCheck(constraint: reason, passed: passed, detail: detail()))
            return true
        }
        return passed
    }
}
