public import StitchModel

/// A record read from a source, with where it was in the source (for problems found later).
public struct ImportedRecord<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The record.
    public var value: Value
    /// Its position in the source's list (a CSV row number, an index in `services`), if known.
    public var index: Int?
    /// The list it is in, when a source has several (a TimeOverflow export's `users` and
    /// `transfers`); `nil` for the source's own ``SourceImport/list``.
    public var list: String?

    public init(_ value: Value, index: Int?, list: String? = nil) {
        self.value = value
        self.index = index
        self.list = list
    }
}

/// What one source (a CSV file, an Open Referral file, an OpenActive page, a TimeOverflow export)
/// turned into: members, activities and exchanges to add or update, and the problems met on the way.
///
/// Every reader of `stitch import` gives this shape, so that the same merge (the application
/// layer's `CommunityMerge`, which `stitch import` hands these records to) puts any of them into
/// a stored community.
///
/// ```swift
/// let result = CSVActivityReader().read(data)
/// for record in result.activities { print(record.index ?? 0, record.value.id) }
/// ```
public struct SourceImport: Sendable, Hashable {
    /// The name of the source's list of records: `rows`, `services`, `items`.
    public var list: String
    /// Members read, in source order, ids unique.
    public var members: [ImportedRecord<Member>]
    /// Activities read, in source order, ids unique.
    public var activities: [ImportedRecord<Activity>]
    /// Exchanges read, in source order (a TimeOverflow export's transfers).
    public var exchanges: [ImportedRecord<Exchange>]
    /// Problems with the source or with single records, in source order.
    public var issues: [ImportIssue]
    /// Records the source held (rows, services, items), good or bad.
    public var recordCount: Int
    /// The licence the source states, when it states one.
    public var licence: String?

    public init(
        list: String, members: [ImportedRecord<Member>] = [], activities: [ImportedRecord<Activity>] = [],
        exchanges: [ImportedRecord<Exchange>] = [], issues: [ImportIssue] = [], recordCount: Int = 0,
        licence: String? = nil
    ) {
        self.list = list
        self.members = members
        self.activities = activities
        self.exchanges = exchanges
        self.issues = issues
        self.recordCount = recordCount
        self.licence = licence
    }

    /// Issues that made a record be left out.
    public var skippedRecords: [ImportIssue] { issues.filter(\.recordSkipped) }
}

extension OpenActiveImport {
    /// The page as a ``SourceImport`` of activities (each at the position of its first session).
    public var sourceImport: SourceImport {
        SourceImport(
            list: "items", activities: activities.map { ImportedRecord($0, index: nil) }, issues: issues,
            recordCount: itemCount, licence: licence)
    }
}
