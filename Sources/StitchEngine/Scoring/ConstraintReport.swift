/// Collects the outcome of a candidate's hard constraints.
///
/// In ranking mode it stops at the first failure (the reason counted); in explain mode it runs
/// every check and keeps a line for each. Jobs write each constraint once, as
/// `guard report.check(.dbs, helperHasDBS, "…") else { return }`, so ranking and `explain`
/// can never disagree.
struct ConstraintReport {
    private(set) var failures: [ExclusionReason] = []
    private(set) var checks: [ConstraintCheck]?

    init(explain: Bool) { checks = explain ? [] : nil }

    /// The first failing constraint, if any.
    var firstFailure: ExclusionReason? { failures.first }

    /// Records a check; returns whether evaluation should go on.
    @inline(__always)
    mutating func check(_ reason: ExclusionReason, _ passed: Bool, _ detail: @autoclosure () -> String) -> Bool {
        if !passed { failures.append(reason) }
        if checks != nil {
            checks!.append(ConstraintCheck(constraint: reason, passed: passed, detail: detail()))
            return true
        }
        return passed
    }
}
