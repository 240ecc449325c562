public import StitchModel

extension Engine {
    /// This engine with the broker's dismissals ("not this one") that hold on `day`: every job
    /// then excludes a dismissed candidate for its subject, counted under
    /// ``ExclusionReason/dismissed``, and `explain` says when and why it was dismissed.
    ///
    /// Dismissals are not part of the community: the service keeps them and hands them to the
    /// engine a query reads, judged on the query's day. Those naming an unknown subject or
    /// candidate simply never match.
    ///
    /// ```swift
    /// let judged = engine.judgingDismissals([Dismissal(subject: "m-arthur", candidate: "m-jade")], on: today)
    /// ```
    public func judgingDismissals(_ dismissals: [Dismissal], on day: CalendarDate) -> Engine {
        var dismissed: [String: [String: Dismissal]] = [:]
        for dismissal in dismissals where dismissal.holds(on: day) {
            dismissed[dismissal.subject, default: [:]][dismissal.candidate] = dismissal
        }
        guard !(dismissed.isEmpty && index.dismissed.isEmpty) else { return self }
        var engine = self
        engine.index.dismissed = dismissed
        return engine
    }
}

extension CommunityIndex {
    /// The members `subject` has dismissed as candidates, by member index.
    func dismissedMembers(of subject: String?) -> Set<Int32> {
        guard let subject, let row = dismissed[subject] else { return [] }
        return Set(row.keys.compactMap { memberIndex[$0] })
    }

    /// The activities `subject` has dismissed, by activity index.
    func dismissedActivities(of subject: String?) -> Set<Int32> {
        guard let subject, let row = dismissed[subject] else { return [] }
        return Set(row.keys.compactMap { activityIndex[$0] })
    }

    /// The line `explain` shows for a candidate: who dismissed it, when and why, or that it is not.
    func dismissalDetail(subject: String?, candidate: String) -> String {
        guard let subject, let dismissal = dismissed[subject]?[candidate] else { return "Not dismissed" }
        var text = "Dismissed by the broker"
        if let date = dismissal.date { text += " on \(date)" }
        if let reason = dismissal.reason, !reason.isEmpty { text += ": \(reason)" }
        if let until = dismissal.until { text += " (until \(until))" }
        return text
    }
}
