public import StitchModel

/// What an OpenActive feed page turned into: activities, and the problems met on the way.
///
/// An OpenActive session series that runs every week becomes one ``StitchModel/Activity`` with a
/// weekly `schedule`; records that could not be used are listed in ``issues`` and left out.
///
/// ```swift
/// let result = OpenActiveFeedReader().read(data, source: "Active Newham")
/// print(result.activities.count, "activities;", result.issues.count, "issues")
/// ```
public struct OpenActiveImport: Sendable, Hashable {
    /// One activity per session series (same name at the same venue), in feed order.
    public var activities: [Activity]
    /// Problems with the page or with single records, in feed order.
    public var issues: [ImportIssue]
    /// Items in the page, live or deleted.
    public var itemCount: Int
    /// Items marked `"state": "deleted"`, which were skipped.
    public var deletedCount: Int
    /// Live sessions read successfully (several may merge into one activity).
    public var sessionCount: Int
    /// The licence the page states, as a short name (`CC BY 4.0`) or its URL.
    public var licence: String?

    public init(
        activities: [Activity] = [], issues: [ImportIssue] = [], itemCount: Int = 0, deletedCount: Int = 0,
        sessionCount: Int = 0, licence: String? = nil
    ) {
        self.activities = activities
        self.issues = issues
        self.itemCount = itemCount
        self.deletedCount = deletedCount
        self.sessionCount = sessionCount
        self.licence = licence
    }

    /// Issues that made a record be left out.
    public var skippedRecords: [ImportIssue] { issues.filter(\.recordSkipped) }
}
