/// One problem found while importing open data: which record, which field, and why.
///
/// Importers never stop at a bad record. They report it here and carry on, so that one broken
/// session in a feed of hundreds costs that session only. An issue either skipped its record
/// (`recordSkipped`) or only dropped the bad field while the record was kept.
///
/// ```swift
/// let result = OpenActiveFeedReader().read(data, source: "Active Newham")
/// for issue in result.issues { print(issue) }
/// // items[12] (N4CLWHU19000819) data.location.geo.latitude: is missing; record skipped
/// ```
public struct ImportIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name of the source's list of records (`rows` in a CSV file, `services` in an Open
    /// Referral file); `nil` means an OpenActive page's `items`.
    public var list: String?
    /// Position of the record in the feed's `items` (in a CSV file: the row number a spreadsheet
    /// shows, the header being row 1), or `nil` for a problem with the whole page or file.
    public var index: Int?
    /// The record's own id, when it has one.
    public var id: String?
    /// JSON path of the bad field inside the record (`data.location.geo.latitude`), or `$` for the page.
    public var field: String
    /// What is wrong, in plain English.
    public var reason: String
    /// True when the whole record was left out; false when only this field was ignored.
    public var recordSkipped: Bool

    public init(
        list: String? = nil, index: Int? = nil, id: String? = nil, field: String, reason: String,
        recordSkipped: Bool = true
    ) {
        self.list = list
        self.index = index
        self.id = id
        self.field = field
        self.reason = reason
        self.recordSkipped = recordSkipped
    }

    /// The bad field's full path from the top of the source: `rows[12].availability[1]`,
    /// `services[0].schedules[2].byday`, or the field alone for the whole page or file.
    public var path: String {
        guard let index else { return field }
        let record = "\(list ?? "items")[\(index)]"
        return field == "$" ? record : "\(record).\(field)"
    }

    public var description: String {
        var record = index.map { "\(list ?? "items")[\($0)]" } ?? (list == nil ? "page" : "file")
        if let id { record += " (\(id))" }
        return "\(record) \(field): \(reason)" + (recordSkipped ? "; record skipped" : "; field ignored")
    }
}
