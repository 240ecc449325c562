import StitchEngine
public import StitchModel

/// The store an import writes to (`SQLiteCommunityStore`): what it holds, and one call that
/// stores a merge's changes.
public protocol CommunityImportStore: AnyObject {
    /// The community as stored.
    func loadCommunity() throws -> Community

    /// Whether what is stored is the bundled demo community (`stitch demo`, `stitch serve
    /// --demo`), which a person's own records must not be mixed into.
    func holdsDemo() throws -> Bool

    /// The ongoing pairings stored beside the community.
    func loadPairings() throws -> [Pairing]

    /// Stores the changes, all or nothing: for ``ImportMode/add`` the members and activities to
    /// write are upserted by id and the exchanges and attendance appended; for
    /// ``ImportMode/replace`` everything stored is replaced by ``CommunityChanges/community``.
    ///
    /// - Parameter progress: called now and then with the records written so far and the total.
    func apply(_ changes: CommunityChanges, progress: ((_ done: Int, _ total: Int) -> Void)?) throws
}

/// Why an import was refused before anything was written.
public enum ImportRefusal: Error, Sendable, Hashable {
    /// The store holds the bundled demo community: adding real records would mix them with its
    /// fictional people. Replace it, or import into another database.
    case demoStored
    /// Replacing would remove stored records, and that was not confirmed.
    case removalNotConfirmed(RecordCounts)
    /// The merged community would not pass the engine's validation (the daemon could not serve it).
    case invalid([ValidationError])
}

/// A number of records of each kind: what a store holds, what a file held, what a replacement
/// would remove.
public struct RecordCounts: Sendable, Hashable, Codable {
    public var members: Int
    public var activities: Int
    public var exchanges: Int
    public var attendance: Int
    /// Ledger accounts beyond members'.
    public var accounts: Int
    /// Ledger entries.
    public var ledger: Int
    /// Ongoing pairings (kept beside the community).
    public var pairings: Int

    public init(
        members: Int, activities: Int, exchanges: Int, attendance: Int, accounts: Int = 0, ledger: Int = 0, pairings: Int = 0
    ) {
        self.members = members
        self.activities = activities
        self.exchanges = exchanges
        self.attendance = attendance
        self.accounts = accounts
        self.ledger = ledger
        self.pairings = pairings
    }
}

/// Importing records into a stored community: the use case behind `stitch import`, for any
/// interface (the command line now, an HTTP upload later) to call the same way.
///
/// First ``plan(_:mode:into:)``: the stored community is read, the file's records merged into it
/// (``CommunityMerge``), and the result checked as the daemon checks a community it is to serve
/// (`Engine.validate`), so what is stored can always be served. A dry run stops there. Then
/// ``commit(_:to:confirmedRemoval:progress:)`` writes it, refusing a replacement that removes
/// records unless it was confirmed.
///
/// ```swift
/// let importer = CommunityImporter(taxonomy: taxonomy)
/// let changes = try importer.plan(incoming, mode: .add, into: store)
/// try importer.commit(changes, to: store, confirmedRemoval: false)
/// ```
public struct CommunityImporter: Sendable {
    public let taxonomy: SkillTaxonomy

    public init(taxonomy: SkillTaxonomy) {
        self.taxonomy = taxonomy
    }

    /// What importing `incoming` would change; writes nothing.
    ///
    /// - Throws: ``ImportRefusal/demoStored`` when adding to the bundled demo;
    ///   ``ImportRefusal/invalid(_:)`` when the result could not be served; the store's errors.
    ///
    /// A pairing that leaves out its days is dated as `pairing.start` dates one (from `today`,
    /// by default the day it is today).
    public func plan(
        _ incoming: IncomingCommunity, mode: ImportMode, into store: any CommunityImportStore,
        today: CalendarDate? = nil
    ) throws -> CommunityChanges {
        let today = today ?? StitchService.today()
        if mode == .add, try store.holdsDemo() { throw ImportRefusal.demoStored }
        let stored = try store.loadCommunity()
        var dated = incoming
        for i in dated.pairings.indices { dated.pairings[i].value = dated.pairings[i].value.dated(today: today) }
        let storedPairings = dated.pairings.isEmpty ? [] : try store.loadPairings()
        let changes = CommunityMerge.merge(dated, into: stored, pairings: storedPairings, mode: mode)
        do {
            try Engine.validate(community: changes.community, taxonomy: taxonomy)
        } catch {
            throw ImportRefusal.invalid(error.errors)
        }
        return changes
    }

    /// Stores `changes` (from ``plan(_:mode:into:)`` on the same store, nothing written since).
    ///
    /// - Parameter confirmedRemoval: whether the person confirmed that stored records may be
    ///   removed (`--yes`); without it a replacement that removes any is refused.
    public func commit(
        _ changes: CommunityChanges, to store: any CommunityImportStore, confirmedRemoval: Bool,
        progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws {
        if changes.removes, !confirmedRemoval {
            throw ImportRefusal.removalNotConfirmed(changes.removed)
        }
        guard changes.changesStore else { return }
        try store.apply(changes, progress: progress)
    }
}

extension CommunityChanges {
    /// The stored records a replacement removes, by kind.
    public var removed: RecordCounts {
        RecordCounts(
            members: self[.members].removed, activities: self[.activities].removed,
            exchanges: self[.exchanges].removed, attendance: self[.attendance].removed,
            accounts: self[.accounts].removed, ledger: self[.ledger].removed, pairings: self[.pairings].removed)
    }
}
