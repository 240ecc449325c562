public import StitchModel

/// How an import adds to or replaces a stored community.
public enum ImportMode: String, Sendable, Hashable {
    /// Members and activities are added or updated by id, exchanges and attendance appended;
    /// nothing stored is removed.
    case add
    /// The stored community becomes exactly what the file holds: what it does not name is removed.
    case replace
}

/// What an import does to the records of one kind, counted against what is stored.
public struct KindCounts: Sendable, Hashable {
    /// New records (a new id; an exchange or attendance not stored yet).
    public var added = 0
    /// Records that replace a stored one with the same id and other details.
    public var updated = 0
    /// Records already stored exactly so: nothing to write.
    public var unchanged = 0
    /// Stored records the import removes (``ImportMode/replace`` only).
    public var removed = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, removed: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.removed = removed
    }

    /// Records of the file that are in the community once it is stored.
    public var kept: Int { added + updated + unchanged }
}

/// The outcome of merging a file's records into a stored community (``CommunityMerge``): the
/// community to store, what to write, and the counts and reasons a person is told.
///
/// Nothing is written by making one: a dry run stops here, and an import hands it to
/// ``CommunityImportStore/apply(_:progress:)``.
public struct CommunityChanges: Sendable, Hashable {
    /// Add or replace.
    public var mode: ImportMode
    /// The whole community once the changes are stored: sound (`Community.validationErrors()`
    /// is empty when the stored community was sound).
    public var community: Community
    /// Added, updated, unchanged and removed records, by kind.
    public var counts: [RecordKind: KindCounts]
    /// Every record left out (by the reader or by the merge), in file order.
    public var skipped: [SkippedRecord]
    /// Members to write (``ImportMode/add``): the added and updated ones, in file order.
    public var members: [Member]
    /// Activities to write (``ImportMode/add``): the added and updated ones, in file order.
    public var activities: [Activity]
    /// Exchanges to append (``ImportMode/add``).
    public var exchanges: [Exchange]
    /// Attendance to append (``ImportMode/add``).
    public var attendance: [Attendance]
    /// Ledger accounts to write (``ImportMode/add``): the added and updated ones, in file order.
    public var accounts: [LedgerAccount] = []
    /// Ledger entries to append (``ImportMode/add``).
    public var ledger: [LedgerEntry] = []
    /// Pairings to store either way, each adding to or replacing the stored one of the same
    /// person and kind (pairings are kept beside the community, and a replacement keeps the
    /// stored ones that still resolve): the added and updated ones, dated.
    public var pairings: [Pairing] = []

    /// The counts of one kind.
    public subscript(kind: RecordKind) -> KindCounts { counts[kind] ?? KindCounts() }

    /// Every kind's counts added up.
    public var total: KindCounts {
        RecordKind.allCases.reduce(into: KindCounts()) { sum, kind in
            let c = self[kind]
            sum.added += c.added
            sum.updated += c.updated
            sum.unchanged += c.unchanged
            sum.removed += c.removed
        }
    }

    /// Whether storing these changes alters the stored community at all.
    public var changesStore: Bool {
        let t = total
        return t.added + t.updated + t.removed > 0
    }

    /// Whether the stored community would lose records (and so needs a confirmation).
    public var removes: Bool { total.removed > 0 }

    /// The skipped records counted by reason (``SkippedRecord/group``), most frequent first,
    /// then in the order first met. A record with several problems counts once, by its first.
    public var skippedByReason: [(reason: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for record in firstProblems {
            if counts[record.group] == nil { order.append(record.group) }
            counts[record.group, default: 0] += 1
        }
        return order.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element, default: 0], counts[b.element, default: 0])
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map { ($0.element, counts[$0.element, default: 0]) }
    }

    /// Each skipped record once: its first problem.
    private var firstProblems: [SkippedRecord] {
        var seen = Set<String>()
        return skipped.filter { record in record.path.map { seen.insert($0).inserted } ?? true }
    }

    /// How many records were skipped: each record once, however many problems it had.
    public var skippedCount: Int { firstProblems.count }
}
