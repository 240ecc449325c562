public import StitchModel

/// Merges a file's records into a stored community: which are added, updated, unchanged,
/// skipped and (when replacing) removed, and the community that results.
///
/// **Adding** (``ImportMode/add``, what `stitch import` does by default): a member or activity
/// whose id is stored replaces it in place when it differs, and is left alone when it is the
/// same; a new id goes last. An exchange with an id is the stored exchange with that id: the
/// same one is left alone, and one with other details is skipped (a recorded exchange is never
/// rewritten). An exchange without an id, and an attendance, is already stored when a stored one
/// without an id has exactly the same fields; each stored one answers for one in the file, so
/// importing a file twice stores its exchanges once, and two identical exchanges in a file are
/// stored twice. Nothing stored is removed.
///
/// The ledger goes the same way: an account is added or updated by id, as a member is, and a
/// ledger entry is matched as an exchange is (by id, else by its fields). An entry naming an
/// account or member neither stored nor in the file is reported and left out, never dropped
/// unsaid; leaving out an entry moves no credits, so balances still sum to zero. Pairings are
/// kept beside the community: each is added, or replaces the stored pairing of its person and
/// kind, in either mode, once its person and helper are members of the result.
///
/// **Replacing** (``ImportMode/replace``): the result is the file's records alone; the counts
/// still compare them with what is stored, and stored records the file does not hold are removed.
///
/// Either way a later record repeating an id in the file is skipped (the first is kept), and the
/// model's community-level checks (`Community.validationErrors()`) run on the result: each
/// record of the file they flag is left out, with the stored version (if any) kept, and the
/// checks run again until nothing from the file is flagged. So a file of exchanges alone goes into
/// a database that holds their members, and an `avoid` naming a member that is neither stored nor
/// in the file skips its member.
///
/// ```swift
/// let changes = CommunityMerge.merge(incoming, into: try store.loadCommunity(), mode: .add)
/// print(changes[.members].added, changes.skippedByReason)   // 3 [("unknown member id", 2)]
/// ```
public enum CommunityMerge {
    /// Merges `incoming` into `stored`, and its pairings into `storedPairings` (kept beside
    /// the community, so a replacement keeps the stored ones as it keeps dismissals).
    public static func merge(
        _ incoming: IncomingCommunity, into stored: Community, pairings storedPairings: [Pairing] = [], mode: ImportMode
    ) -> CommunityChanges {
        var skipped = incoming.skipped
        let members = unique(incoming.members, kind: .members, skipped: &skipped) { $0.id }
        let activities = unique(incoming.activities, kind: .activities, skipped: &skipped) { $0.id }
        var exchanges = unique(incoming.exchanges, kind: .exchanges, skipped: &skipped) { $0.id }
        var attendance = incoming.attendance
        let accounts = unique(incoming.accounts, kind: .accounts, skipped: &skipped) { $0.id }
        var ledger = unique(incoming.ledger, kind: .ledger, skipped: &skipped) { $0.id }
        // A second pairing of one person and kind is reported by the pairings' checks below.
        var pairings = incoming.pairings
        let base = mode == .add ? stored : Community()
        var counts: [RecordKind: KindCounts] = [:]

        if mode == .add {
            // Exchanges and attendance already stored are left alone; they are matched once,
            // before the checks, as only the stored community decides it.
            var byID: [String: Exchange] = [:]
            var plain = Multiset<Exchange>()
            for exchange in stored.exchanges {
                if let id = exchange.id { byID[id] = exchange } else { plain.insert(exchange) }
            }
            exchanges = exchanges.filter { record in
                if let id = record.value.id, let known = byID[id] {
                    if known == record.value {
                        counts[.exchanges, default: KindCounts()].unchanged += 1
                    } else {
                        skipped.append(
                            SkippedRecord(
                                kind: .exchanges, path: record.path, id: id, field: "id",
                                reason: "an exchange with this id is already stored with other details; "
                                    + "a recorded exchange is not rewritten"))
                    }
                    return false
                }
                guard record.value.id == nil, plain.remove(record.value) else { return true }
                counts[.exchanges, default: KindCounts()].unchanged += 1
                return false
            }
            var storedAttendance = Multiset(stored.attendance)
            attendance = attendance.filter { record in
                guard storedAttendance.remove(record.value) else { return true }
                counts[.attendance, default: KindCounts()].unchanged += 1
                return false
            }
            // Ledger entries as exchanges: one with an id is the stored one with that id; one
            // without is already stored when a stored one without an id is the same.
            var entryByID: [String: LedgerEntry] = [:]
            var plainEntries = Multiset<LedgerEntry>()
            for entry in stored.ledger {
                if let id = entry.id { entryByID[id] = entry } else { plainEntries.insert(entry) }
            }
            ledger = ledger.filter { record in
                if let id = record.value.id, let known = entryByID[id] {
                    if known == record.value {
                        counts[.ledger, default: KindCounts()].unchanged += 1
                    } else {
                        skipped.append(
                            SkippedRecord(
                                kind: .ledger, path: record.path, id: id, field: "id",
                                reason: "a ledger entry with this id is already stored with other details; "
                                    + "a recorded entry is not rewritten (give the new entry another id)"))
                    }
                    return false
                }
                guard record.value.id == nil, plainEntries.remove(record.value) else { return true }
                counts[.ledger, default: KindCounts()].unchanged += 1
                return false
            }
        }

        var candidates = Candidates(
            members: members, activities: activities, exchanges: exchanges, attendance: attendance, accounts: accounts,
            ledger: ledger)
        var merged: Community
        while true {
            merged = candidates.apply(to: base)
            let flagged = candidates.flagged(by: merged.validationErrors(), base: base)
            if flagged.isEmpty { break }
            for (kind, index, field, reason) in flagged.problems {
                let path: String?
                let id: String?
                switch kind {
                case .members: (path, id) = (candidates.members[index].path, candidates.members[index].value.id)
                case .activities:
                    (path, id) = (candidates.activities[index].path, candidates.activities[index].value.id)
                case .exchanges: (path, id) = (candidates.exchanges[index].path, candidates.exchanges[index].value.id)
                case .attendance: (path, id) = (candidates.attendance[index].path, nil)
                case .accounts: (path, id) = (candidates.accounts[index].path, candidates.accounts[index].value.id)
                case .ledger: (path, id) = (candidates.ledger[index].path, candidates.ledger[index].value.id)
                case .pairings: (path, id) = (nil, nil)  // not in the community: checked below
                }
                skipped.append(SkippedRecord(kind: kind, path: path, id: id, field: field, reason: reason))
            }
            candidates.drop(flagged)
        }

        // Pairings: each on its own, then against the merged community (the one statement of
        // what a pairing of a community file must name, `CommunityFile.pairingErrors`).
        var flaggedPairings = Set<Int>()
        for (i, record) in pairings.enumerated() {
            for problem in record.value.validationErrors() {
                flaggedPairings.insert(i)
                skipped.append(
                    SkippedRecord(kind: .pairings, path: record.path, id: record.value.person, field: problem.field, reason: problem.reason))
            }
        }
        pairings = pairings.enumerated().filter { !flaggedPairings.contains($0.offset) }.map(\.element)
        flaggedPairings = []
        for problem in CommunityFile.pairingErrors(pairings.map(\.value), in: merged) {
            guard let (_, index, rest) = Candidates.split(problem.field), index < pairings.count else { continue }
            flaggedPairings.insert(index)
            skipped.append(
                SkippedRecord(
                    kind: .pairings, path: pairings[index].path, id: pairings[index].value.person, field: String(rest),
                    reason: problem.reason))
        }
        pairings = pairings.enumerated().filter { !flaggedPairings.contains($0.offset) }.map(\.element)
        let storedPairing = Dictionary(storedPairings.map { ($0.key, $0) }) { first, _ in first }
        counts[.pairings] = classify(pairings.map(\.value), stored: storedPairing) { $0.key }

        var changes = CommunityChanges(
            mode: mode, community: merged, counts: [:], skipped: skipped, members: [], activities: [],
            exchanges: [], attendance: [])
        changes.pairings = pairings.map(\.value).filter { storedPairing[$0.key] != $0 }
        if mode == .add {
            let storedMembers = Dictionary(stored.members.map { ($0.id, $0) }) { first, _ in first }
            let storedActivities = Dictionary(stored.activities.map { ($0.id, $0) }) { first, _ in first }
            let storedAccounts = Dictionary(stored.accounts.map { ($0.id, $0) }) { first, _ in first }
            counts[.members] = classify(candidates.members.map(\.value), stored: storedMembers) { $0.id }
            counts[.activities] = classify(candidates.activities.map(\.value), stored: storedActivities) { $0.id }
            counts[.accounts] = classify(candidates.accounts.map(\.value), stored: storedAccounts) { $0.id }
            counts[.exchanges, default: KindCounts()].added = candidates.exchanges.count
            counts[.attendance, default: KindCounts()].added = candidates.attendance.count
            counts[.ledger, default: KindCounts()].added = candidates.ledger.count
            changes.members = candidates.members.map(\.value).filter { storedMembers[$0.id] != $0 }
            changes.activities = candidates.activities.map(\.value).filter { storedActivities[$0.id] != $0 }
            changes.exchanges = candidates.exchanges.map(\.value)
            changes.attendance = candidates.attendance.map(\.value)
            changes.accounts = candidates.accounts.map(\.value).filter { storedAccounts[$0.id] != $0 }
            changes.ledger = candidates.ledger.map(\.value)
        } else {
            counts.merge(replacementCounts(merged, stored: stored)) { _, new in new }
        }
        changes.counts = counts
        return changes
    }

    /// The records with a later repeat of an id left out (and reported).
    private static func unique<T>(
        _ records: [IncomingRecord<T>], kind: RecordKind, skipped: inout [SkippedRecord], id: (T) -> String?
    ) -> [IncomingRecord<T>] {
        var first: [String: Int] = [:]
        return records.enumerated().filter { n, record in
            guard let key = id(record.value) else { return true }
            if let earlier = first[key] {
                let at = records[earlier].path.map { " (first at \($0))" } ?? ""
                skipped.append(
                    SkippedRecord(
                        kind: kind, path: record.path, id: key, field: "id",
                        reason: "duplicate \(kind.singular) id '\(key)'\(at)"))
                return false
            }
            first[key] = n
            return true
        }.map(\.element)
    }

    /// Added, updated and unchanged among the records kept, against the stored ones by id.
    private static func classify<T: Equatable>(_ kept: [T], stored: [String: T], id: (T) -> String) -> KindCounts {
        var counts = KindCounts()
        for record in kept {
            switch stored[id(record)] {
            case nil: counts.added += 1
            case let old? where old == record: counts.unchanged += 1
            default: counts.updated += 1
            }
        }
        return counts
    }

    /// The counts of a replacement: the new community against the stored one.
    private static func replacementCounts(_ new: Community, stored: Community) -> [RecordKind: KindCounts] {
        func byID<T: Identifiable & Equatable>(_ new: [T], _ old: [T]) -> KindCounts where T.ID == String {
            var counts = classify(new, stored: Dictionary(old.map { ($0.id, $0) }) { a, _ in a }) { $0.id }
            let kept = Set(new.map(\.id))
            counts.removed = old.count { !kept.contains($0.id) }
            return counts
        }
        func byValue<T: Hashable>(_ new: [T], _ old: [T]) -> KindCounts {
            if old.isEmpty { return KindCounts(added: new.count) }
            var remaining = Multiset(old)
            var counts = KindCounts()
            for record in new {
                if remaining.remove(record) { counts.unchanged += 1 } else { counts.added += 1 }
            }
            counts.removed = remaining.count
            return counts
        }
        return [
            .members: byID(new.members, stored.members), .activities: byID(new.activities, stored.activities),
            .exchanges: byValue(new.exchanges, stored.exchanges),
            .attendance: byValue(new.attendance, stored.attendance),
            .accounts: byID(new.accounts, stored.accounts), .ledger: byValue(new.ledger, stored.ledger),
        ]
    }
}

/// The file's records still in the running, of each kind.
private struct Candidates {
    var members: [IncomingRecord<Member>]
    var activities: [IncomingRecord<Activity>]
    var exchanges: [IncomingRecord<Exchange>]
    var attendance: [IncomingRecord<Attendance>]
    var accounts: [IncomingRecord<LedgerAccount>]
    var ledger: [IncomingRecord<LedgerEntry>]

    /// The records flagged by the checks: by kind, the candidates' indexes, and each problem.
    struct Flagged {
        var indexes: [RecordKind: Set<Int>] = [:]
        var problems: [(RecordKind, Int, String, String)] = []
        var isEmpty: Bool { problems.isEmpty }
    }

    /// The base with the candidates upserted (members, activities) and appended (exchanges,
    /// attendance).
    func apply(to base: Community) -> Community {
        var community = base
        upsert(members, into: &community.members)
        upsert(activities, into: &community.activities)
        community.exchanges += exchanges.map(\.value)
        community.attendance += attendance.map(\.value)
        upsert(accounts, into: &community.accounts)
        community.ledger += ledger.map(\.value)
        return community
    }

    /// Which candidates the community-level problems point at. Problems with stored records
    /// (not from the file) are left for the engine's validation to report.
    func flagged(by errors: [ValidationError], base: Community) -> Flagged {
        guard !errors.isEmpty else { return Flagged() }
        let memberAt = positions(members, in: base.members)
        let activityAt = positions(activities, in: base.activities)
        let accountAt = positions(accounts, in: base.accounts)
        var flagged = Flagged()
        for error in errors {
            guard let (list, position, rest) = Self.split(error.field), let kind = RecordKind(rawValue: list) else {
                continue
            }
            let index: Int?
            switch kind {
            case .members: index = memberAt[position]
            case .activities: index = activityAt[position]
            case .exchanges: index = position >= base.exchanges.count ? position - base.exchanges.count : nil
            case .attendance: index = position >= base.attendance.count ? position - base.attendance.count : nil
            case .accounts: index = accountAt[position]
            case .ledger: index = position >= base.ledger.count ? position - base.ledger.count : nil
            case .pairings: index = nil
            }
            guard let index else { continue }
            flagged.indexes[kind, default: []].insert(index)
            flagged.problems.append((kind, index, rest.isEmpty ? "$" : String(rest), error.reason))
        }
        return flagged
    }

    /// Leaves out the flagged candidates.
    mutating func drop(_ flagged: Flagged) {
        func keep<T>(_ list: [T], _ kind: RecordKind) -> [T] {
            guard let gone = flagged.indexes[kind] else { return list }
            return list.enumerated().filter { !gone.contains($0.offset) }.map(\.element)
        }
        members = keep(members, .members)
        activities = keep(activities, .activities)
        exchanges = keep(exchanges, .exchanges)
        attendance = keep(attendance, .attendance)
        accounts = keep(accounts, .accounts)
        ledger = keep(ledger, .ledger)
    }

    /// Replaces each record with the same id where it stands, or appends it.
    private func upsert<T: Identifiable>(_ records: [IncomingRecord<T>], into list: inout [T]) where T.ID == String {
        var position = Dictionary(list.enumerated().map { ($1.id, $0) }) { first, _ in first }
        for record in records {
            if let i = position[record.value.id] {
                list[i] = record.value
            } else {
                position[record.value.id] = list.count
                list.append(record.value)
            }
        }
    }

    /// For each position the candidates take in `base` upserted with them, which candidate is
    /// there; a candidate equal to the stored record it replaces is not counted as placed (it
    /// changes nothing, and so cannot be what a check flags).
    private func positions<T: Identifiable & Equatable>(_ records: [IncomingRecord<T>], in base: [T]) -> [Int: Int]
    where T.ID == String {
        var position = Dictionary(base.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var count = base.count
        var at: [Int: Int] = [:]
        for (n, record) in records.enumerated() {
            if let i = position[record.value.id] {
                if i < base.count, base[i] == record.value { continue }
                at[i] = n
            } else {
                position[record.value.id] = count
                at[count] = n
                count += 1
            }
        }
        return at
    }

    /// `members[12].avoid[0]` → ("members", 12, "avoid[0]").
    static func split(_ field: String) -> (String, Int, Substring)? {
        guard let open = field.firstIndex(of: "["), let close = field[open...].firstIndex(of: "]"),
            let index = Int(field[field.index(after: open)..<close])
        else { return nil }
        var rest = field[field.index(after: close)...]
        if rest.first == "." { rest = rest.dropFirst() }
        return (String(field[..<open]), index, rest)
    }
}

/// A count of equal values, for matching records that have no id.
struct Multiset<T: Hashable> {
    private var counts: [T: Int] = [:]
    /// How many values are held.
    private(set) var count = 0

    init(_ values: [T] = []) {
        for value in values { insert(value) }
    }

    mutating func insert(_ value: T) {
        counts[value, default: 0] += 1
        count += 1
    }

    /// Takes one `value` out; `false` when none is held.
    mutating func remove(_ value: T) -> Bool {
        guard let n = counts[value], n > 0 else { return false }
        counts[value] = n == 1 ? nil : n - 1
        count -= 1
        return true
    }
}
