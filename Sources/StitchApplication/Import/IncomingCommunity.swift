import Foundation
public import StitchModel

/// The kinds of record a community file holds, in the order it lists them: the community's
/// four, its ledger's two (docs/ledger.md), and the ongoing pairings kept beside it.
public enum RecordKind: String, Sendable, Hashable, CaseIterable, Codable {
    case members, activities, exchanges, attendance, accounts, ledger, pairings

    /// `member`, `activity`, `exchange`, `attendance`, `account`, `ledger entry`, `pairing`:
    /// one record of the kind.
    public var singular: String {
        switch self {
        case .members: "member"
        case .activities: "activity"
        case .exchanges: "exchange"
        case .attendance: "attendance"
        case .accounts: "account"
        case .ledger: "ledger entry"
        case .pairings: "pairing"
        }
    }
}

/// A record read from a file to import, with where it was in that file.
public struct IncomingRecord<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The record.
    public var value: Value
    /// The name of its list in the file: `members`, `exchanges`, `rows`, `items`.
    public var list: String
    /// Its position in that list (in a CSV file, the row number a spreadsheet shows), when known.
    public var index: Int?

    public init(_ value: Value, list: String, index: Int?) {
        self.value = value
        self.list = list
        self.index = index
    }

    /// Where it was in its file (`members[3]`, `rows[12]`), when known.
    public var path: String? { index.map { "\(list)[\($0)]" } }
}

/// A record that was not stored, and why: the reader could not use it, or it repeats an id, or
/// it would make the community unsound (an `avoid`, exchange or attendance naming someone
/// unknown, an activity with more enrolled than places).
///
/// The reason is the model's own words (`unknown member id 'm-99'`); ``group`` is the reason
/// without the values in it, for counting like reasons together.
public struct SkippedRecord: Sendable, Hashable {
    /// The kind of record, when known.
    public var kind: RecordKind?
    /// Where it was in its file (`members[3]`, `rows[12]`), when known.
    public var path: String?
    /// The record's id, when it has one.
    public var id: String?
    /// The bad field inside the record, or `$` for the record as a whole.
    public var field: String
    /// Why, in plain English.
    public var reason: String

    public init(kind: RecordKind?, path: String?, id: String? = nil, field: String = "$", reason: String) {
        self.kind = kind
        self.path = path
        self.id = id
        self.field = field
        self.reason = reason
    }

    /// The field's full path in the file: `members[3].avoid[0]`, or the field alone.
    public var fullPath: String {
        guard let path else { return field }
        return field == "$" ? path : "\(path).\(field)"
    }

    /// The reason without the values in it: `unknown member id 'm-99'` and `unknown member id
    /// 'm-7'` are both `unknown member id`, `birthYear 1800 is out of range; expected…` is
    /// `birthYear is out of range`, `'Lee Time Bank' is not a member (…)` is `is not a member`.
    /// The text (after a quoted value it opens with) up to the first quote, `;`, `: ` or ` (`,
    /// less any word with a digit in it.
    public var group: String {
        var cut = Substring(reason)
        // A reason that opens with the value it refuses (`'Lee Time Bank' is not a member`):
        // the words after it.
        if let quote = cut.first, quote == "'" || quote == "\"", let close = cut.dropFirst().firstIndex(of: quote) {
            cut = cut[cut.index(after: close)...]
        }
        for stop in ["'", "\"", ";", ": ", " ("] {
            if let range = cut.range(of: stop) { cut = cut[..<range.lowerBound] }
        }
        let words = cut.split(separator: " ").filter { word in !word.contains { $0.isNumber } }
        return words.isEmpty ? "could not be read" : words.joined(separator: " ")
    }
}

/// What one file to import holds: records of any of the four kinds, each with its place in the
/// file, and the records its reader already had to leave out.
///
/// Every reader of `stitch import` (a community file, CSV, Open Referral, OpenActive) gives its
/// records in this shape, so that one merge (``CommunityMerge``) puts any of them into a stored
/// community, and one summary counts what happened to them.
///
/// ```swift
/// var incoming = IncomingCommunity()
/// let exchange = Exchange(giver: "m-ada", receiver: "m-bert", hours: 2)
/// incoming.exchanges = [IncomingRecord(exchange, list: "exchanges", index: 0)]
/// let changes = CommunityMerge.merge(incoming, into: stored, mode: .add)
/// ```
public struct IncomingCommunity: Sendable, Hashable {
    public var members: [IncomingRecord<Member>]
    public var activities: [IncomingRecord<Activity>]
    public var exchanges: [IncomingRecord<Exchange>]
    public var attendance: [IncomingRecord<Attendance>]
    /// The ledger's accounts beyond members' (a community file's `accounts`).
    public var accounts: [IncomingRecord<LedgerAccount>]
    /// The ledger's entries (a community file's `ledger`).
    public var ledger: [IncomingRecord<LedgerEntry>]
    /// The ongoing pairings kept beside the community (a community file's `pairings`).
    public var pairings: [IncomingRecord<Pairing>]
    /// Records the reader could not use (a bad field, a row that is not a record), in file order.
    public var skipped: [SkippedRecord]

    public init(
        members: [IncomingRecord<Member>] = [], activities: [IncomingRecord<Activity>] = [],
        exchanges: [IncomingRecord<Exchange>] = [], attendance: [IncomingRecord<Attendance>] = [],
        accounts: [IncomingRecord<LedgerAccount>] = [], ledger: [IncomingRecord<LedgerEntry>] = [],
        pairings: [IncomingRecord<Pairing>] = [], skipped: [SkippedRecord] = []
    ) {
        self.members = members
        self.activities = activities
        self.exchanges = exchanges
        self.attendance = attendance
        self.accounts = accounts
        self.ledger = ledger
        self.pairings = pairings
        self.skipped = skipped
    }

    /// Records read and usable, of every kind.
    public var recordCount: Int {
        members.count + activities.count + exchanges.count + attendance.count + accounts.count + ledger.count + pairings.count
    }
}
