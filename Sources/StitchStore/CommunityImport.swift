import Dispatch
import Foundation
import StitchApplication
import StitchJSON
import StitchModel
import Synchronization

/// A community file read record by record: the good records kept, each bad one reported with
/// its path in the file and skipped (`stitch import`).
///
/// First every record is decoded on its own, so a bad field costs only its record
/// (`members[12].availability[0].day: unknown day 'wod'…`). Then the community-level checks
/// (`Community.validationErrors()`, the model's one statement of them) are run,
/// and each record they flag is skipped too: a later duplicate id (the first is kept), an
/// exchange or attendance naming an unknown member or activity, an activity over capacity, a
/// member whose `avoid` names someone unknown (a safeguarding list is kept whole or not at all).
/// Skipping one record can orphan another (the exchanges of a skipped member), so the checks
/// run again until the community is sound.
///
/// ```swift
/// let result = try CommunityImport.read(Data(contentsOf: url))
/// for problem in result.problems { print(problem) }   // members[3].id: duplicate member id 'm-1'
/// try store.replaceAll(result.community)
/// ```
public struct CommunityImport: Sendable {
    /// The records kept, in file order: a sound community.
    public var community: Community
    /// The ongoing pairings listed beside the community, each read on its own (their people are
    /// checked where they are kept, ``StitchService/pairings(of:people:today:)``).
    public var pairings: [Pairing] = []
    /// Why each skipped record was skipped, with its path in the file, in file order.
    public var problems: [ValidationError]
    /// How many records the file held, by list.
    public var read: StoredCounts

    /// Reads a community file.
    ///
    /// - Throws: a `ValidationError` when the file as a whole cannot be read: not JSON by
    ///   RFC 8259 (`$`, with the line and column), not a community (`$`), a top-level key a
    ///   community file does not have (at that key, with the nearest known one), a list that is
    ///   not an array.
    public static func read(_ data: Data) throws(ValidationError) -> CommunityImport {
        try read(data, parallel: true)
    }

    /// Reads a community file, its records decoded on every core when `parallel` (and the file
    /// is plain enough to cut up; see ``CommunityFileLayout``), else in one pass.
    static func read(_ data: Data, parallel: Bool) throws(ValidationError) -> CommunityImport {
        let file: LenientFile
        if parallel, let layout = CommunityFileLayout.scan(data) {
            if let problem = topLevelProblem(keys: layout.keys) { throw problem }
            if let records = LenientFile(layout, in: data) {
                file = records
            } else {
                file = try wholeFile(data)
            }
        } else {
            file = try wholeFile(data)
        }
        var result = finish(file)
        try attachLedger(from: data, to: &result)
        return result
    }

    /// Reads the file's ledger (`accounts`, `ledger`; docs/ledger.md) into the community read:
    /// each account or entry decoded on its own and checked against the records kept, a bad one
    /// reported with its path and left out (an entry left out moves no credits, so the balances
    /// still sum to zero). The pairings beside the community are read too, each on its own.
    private static func attachLedger(from data: Data, to result: inout CommunityImport) throws(ValidationError) {
        if let keys = CommunityFileLayout.scan(data)?.keys, !keys.contains(where: BesidePart.keys.contains) { return }
        try attachLedger(decoding: data, to: &result)
    }

    private static func attachLedger(decoding data: Data, to result: inout CommunityImport) throws(ValidationError) {
        let part = try besidePart(data)
        result.pairings = part.pairings.compactMap { item in
            switch item.value {
            case .success(let pairing): return pairing
            case .failure(let problem):
                result.problems.append(problem)
                return nil
            }
        }
        var community = result.community
        let memberIDs = Set(community.members.map(\.id))
        var accountIDs = Set<String>()
        for (i, item) in part.accounts.enumerated() {
            switch item.value {
            case .failure(let problem): result.problems.append(problem)
            case .success(let account):
                if memberIDs.contains(account.id) || !accountIDs.insert(account.id).inserted {
                    result.problems.append(
                        LedgerAccount.takenIDError(account.id, byMember: memberIDs.contains(account.id)).inside("accounts[\(i)]"))
                } else {
                    community.accounts.append(account)
                }
            }
        }
        let rules = community.ledgerRules
        var entryIDs = Set<String>()
        for (i, item) in part.ledger.enumerated() {
            switch item.value {
            case .failure(let problem): result.problems.append(problem)
            case .success(let entry):
                var problems = rules.referenceErrors(of: entry)
                if let id = entry.id, !entryIDs.insert(id).inserted { problems.append(LedgerEntry.duplicateIDError(id)) }
                if problems.isEmpty {
                    community.ledger.append(entry)
                } else {
                    result.problems += problems.map { $0.inside("ledger[\(i)]") }
                }
            }
        }
        result.community = community
    }

    /// The file's lists beside the community's four (`accounts`, `ledger`, `pairings`), each
    /// record decoded on its own.
    private static func besidePart(_ data: Data) throws(ValidationError) -> BesidePart {
        do {
            return try JSONDecoder().decode(BesidePart.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError(error)
        } catch {
            throw ValidationError(field: "$", reason: "could not be read")
        }
    }

    /// What is wrong with a file whose top-level object has these keys: not a community at all
    /// (`Community.notACommunityReason`), or a key a community file does not have (the first
    /// in order, as the model's decoder reports it); `nil` when they are a community's.
    static func topLevelProblem(keys: [String]) -> ValidationError? {
        if let reason = Community.notACommunityReason(keys: keys) { return ValidationError(field: "$", reason: reason) }
        let unknown = keys.filter { !Community.fieldKeys.contains($0) }.min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return unknown.map { ValidationError(field: $0, reason: Community.fieldKeys.unknownReason($0)) }
    }

    /// Decodes the file in one go: the way to the exact error of a file that is not sound JSON
    /// (`not valid JSON at line 12, column 5: a trailing comma…`, by ``JSONSyntax``, which also
    /// refuses what `JSONDecoder` would let through).
    private static func wholeFile(_ data: Data) throws(ValidationError) -> LenientFile {
        if let problem = data.withUnsafeBytes({ JSONSyntax.problem(in: $0) }) {
            throw ValidationError(
                field: "$", reason: "not valid JSON at line \(problem.line), column \(problem.column): \(problem.reason)")
        }
        do {
            return try JSONDecoder().decode(LenientFile.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty, context.underlyingError != nil {
                throw ValidationError(field: "$", reason: "not valid JSON")
            }
            throw ValidationError(error)
        } catch {
            throw ValidationError(field: "$", reason: "could not be read")
        }
    }

    /// Reads a community file's records for merging into a stored community: each record
    /// decoded on its own (a bad one reported with its path and left out), and no check across
    /// records, since those are made against the stored community they join (``CommunityMerge``).
    ///
    /// - Returns: the records with their paths (`members[3]`), and how many each list held.
    /// - Throws: a `ValidationError` when the file as a whole cannot be read.
    public static func incoming(_ data: Data) throws(ValidationError) -> (records: IncomingCommunity, read: StoredCounts) {
        let file: LenientFile
        if let layout = CommunityFileLayout.scan(data) {
            if let problem = topLevelProblem(keys: layout.keys) { throw problem }
            if let records = LenientFile(layout, in: data) { file = records } else { file = try wholeFile(data) }
        } else {
            file = try wholeFile(data)
        }
        var incoming = IncomingCommunity()
        func keep<T>(_ items: [Lenient<T>], _ kind: RecordKind) -> [IncomingRecord<T>] {
            var kept: [IncomingRecord<T>] = []
            kept.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                switch item.value {
                case .success(let value):
                    kept.append(IncomingRecord(value, list: kind.rawValue, index: i))
                case .failure(let problem):
                    let path = "\(kind.rawValue)[\(i)]"
                    var field = problem.field.hasPrefix(path) ? String(problem.field.dropFirst(path.count)) : problem.field
                    if field.hasPrefix(".") { field.removeFirst() }
                    incoming.skipped.append(
                        SkippedRecord(kind: kind, path: path, field: field.isEmpty ? "$" : field, reason: problem.reason))
                }
            }
            return kept
        }
        incoming.members = keep(file.members, .members)
        incoming.activities = keep(file.activities, .activities)
        incoming.exchanges = keep(file.exchanges, .exchanges)
        incoming.attendance = keep(file.attendance, .attendance)
        // The ledger's lists and the pairings beside the community, read when the file has them.
        var beside = BesidePart()
        if CommunityFileLayout.scan(data)?.keys.contains(where: BesidePart.keys.contains) ?? true {
            beside = try besidePart(data)
        }
        incoming.accounts = keep(beside.accounts, .accounts)
        incoming.ledger = keep(beside.ledger, .ledger)
        incoming.pairings = keep(beside.pairings, .pairings)
        let read = StoredCounts(
            members: file.members.count, activities: file.activities.count, exchanges: file.exchanges.count,
            attendance: file.attendance.count, accounts: beside.accounts.count, ledger: beside.ledger.count,
            pairings: beside.pairings.count)
        return (incoming, read)
    }

    private static func finish(_ file: LenientFile) -> CommunityImport {
        var result = CommunityImport(
            community: Community(), problems: [],
            read: StoredCounts(
                members: file.members.count, activities: file.activities.count, exchanges: file.exchanges.count,
                attendance: file.attendance.count))
        var lists = Lists()
        func keep<T>(_ items: [Lenient<T>], into list: inout [(index: Int, value: T)]) {
            for (i, item) in items.enumerated() {
                switch item.value {
                case .success(let value): list.append((i, value))
                case .failure(let problem): result.problems.append(problem)
                }
            }
        }
        keep(file.members, into: &lists.members)
        keep(file.activities, into: &lists.activities)
        keep(file.exchanges, into: &lists.exchanges)
        keep(file.attendance, into: &lists.attendance)
        result.problems += lists.pruneUntilSound()
        result.problems.sort { ($0.order.list, $0.order.index, $0.field) < ($1.order.list, $1.order.index, $1.field) }
        result.community = lists.community
        return result
    }
}

/// The records kept so far, each with its index in the file (or, for the store's loader, in its table).
struct Lists {
    var members: [(index: Int, value: Member)] = []
    var activities: [(index: Int, value: Activity)] = []
    var exchanges: [(index: Int, value: Exchange)] = []
    var attendance: [(index: Int, value: Attendance)] = []

    var community: Community {
        Community(
            members: members.map(\.value), activities: activities.map(\.value), exchanges: exchanges.map(\.value),
            attendance: attendance.map(\.value))
    }

    /// Skips the records the community-level checks flag, until none is flagged; returns the
    /// problems with paths in the file.
    mutating func pruneUntilSound() -> [ValidationError] {
        var problems: [ValidationError] = []
        while true {
            let errors = community.validationErrors()
            if errors.isEmpty { return problems }
            var flagged: [String: Set<Int>] = [:]
            for error in errors {
                guard let (list, index, rest) = Self.split(error.field) else { continue }
                guard flagged[list, default: []].insert(index).inserted else { continue }
                let fileIndex: Int? =
                    switch list {
                    case "members": members[index].index
                    case "activities": activities[index].index
                    case "exchanges": exchanges[index].index
                    case "attendance": attendance[index].index
                    default: nil
                    }
                if let fileIndex {
                    problems.append(ValidationError(field: "\(list)[\(fileIndex)]\(rest)", reason: error.reason))
                }
            }
            guard !flagged.isEmpty else { return problems }  // nothing it can skip: leave it to the caller
            func drop<T>(_ list: inout [(index: Int, value: T)], _ name: String) {
                guard let skip = flagged[name] else { return }
                list = list.enumerated().filter { !skip.contains($0.offset) }.map(\.element)
            }
            drop(&members, "members")
            drop(&activities, "activities")
            drop(&exchanges, "exchanges")
            drop(&attendance, "attendance")
        }
    }

    /// `members[12].avoid[0]` → ("members", 12, ".avoid[0]").
    static func split(_ field: String) -> (String, Int, Substring)? {
        guard let open = field.firstIndex(of: "["), let close = field[open...].firstIndex(of: "]"),
            let index = Int(field[field.index(after: open)..<close])
        else { return nil }
        return (String(field[..<open]), index, field[field.index(after: close)...])
    }
}

extension ValidationError {
    /// Sorts problems by list (in file order) then index.
    fileprivate var order: (list: Int, index: Int) {
        let lists = ["members", "activities", "exchanges", "attendance"]
        guard let (list, index, _) = Lists.split(field) else { return (lists.count, 0) }
        return (lists.firstIndex(of: list) ?? lists.count, index)
    }
}

/// The four lists of a community file, each record decoded on its own.
private struct LenientFile: Decodable {
    var members: [Lenient<Member>]
    var activities: [Lenient<Activity>]
    var exchanges: [Lenient<Exchange>]
    var attendance: [Lenient<Attendance>]

    private enum CodingKeys: String, CodingKey { case members, activities, exchanges, attendance }

    /// Decodes the records found by a scan, in parallel; `nil` when a part is not sound JSON.
    init?(_ layout: CommunityFileLayout, in data: Data) {
        guard let members = ParallelRecords<Member>.decode(layout.records["members"] ?? [], list: "members", in: data),
            let activities = ParallelRecords<Activity>.decode(layout.records["activities"] ?? [], list: "activities", in: data),
            let exchanges = ParallelRecords<Exchange>.decode(layout.records["exchanges"] ?? [], list: "exchanges", in: data),
            let attendance = ParallelRecords<Attendance>.decode(layout.records["attendance"] ?? [], list: "attendance", in: data)
        else { return nil }
        self.members = members
        self.activities = activities
        self.exchanges = exchanges
        self.attendance = attendance
    }

    init(from decoder: any Decoder) throws {
        let c: KeyedDecodingContainer<CodingKeys>
        do {
            c = try decoder.container(keyedBy: CodingKeys.self)
        } catch DecodingError.typeMismatch {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: Community.notACommunityReason(keys: nil) ?? ""))
        }
        let keys = try decoder.container(keyedBy: TopLevelKey.self).allKeys.map(\.stringValue)
        if let problem = CommunityImport.topLevelProblem(keys: keys) {
            throw DecodingError.dataCorrupted(
                .init(codingPath: problem.field == "$" ? [] : [TopLevelKey(stringValue: problem.field)], debugDescription: problem.reason))
        }
        members = try c.decodeIfPresent([Lenient<Member>].self, forKey: .members) ?? []
        activities = try c.decodeIfPresent([Lenient<Activity>].self, forKey: .activities) ?? []
        exchanges = try c.decodeIfPresent([Lenient<Exchange>].self, forKey: .exchanges) ?? []
        attendance = try c.decodeIfPresent([Lenient<Attendance>].self, forKey: .attendance) ?? []
    }
}

/// The lists of a community file beside the community's four: the ledger's two, and the
/// ongoing pairings kept beside the community (`CommunityFile`), each record decoded on its own.
private struct BesidePart: Decodable {
    static let keys: Set<String> = ["accounts", "ledger", CommunityFile.pairingsKey]
    var accounts: [Lenient<LedgerAccount>] = []
    var ledger: [Lenient<LedgerEntry>] = []
    var pairings: [Lenient<Pairing>] = []

    private enum CodingKeys: String, CodingKey { case accounts, ledger, pairings }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        accounts = try c.decodeIfPresent([Lenient<LedgerAccount>].self, forKey: .accounts) ?? []
        ledger = try c.decodeIfPresent([Lenient<LedgerEntry>].self, forKey: .ledger) ?? []
        pairings = try c.decodeIfPresent([Lenient<Pairing>].self, forKey: .pairings) ?? []
    }
}

/// Any key of the file's top-level object.
private struct TopLevelKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One record, or why it could not be read (with its path from the top of the file).
private struct Lenient<T: Decodable & Sendable>: Decodable, Sendable {
    var value: Result<T, ValidationError>

    init(value: Result<T, ValidationError>) { self.value = value }

    init(from decoder: any Decoder) throws {
        do {
            value = .success(try T(from: decoder))
        } catch let error as DecodingError {
            value = .failure(ValidationError(error))
        }
    }
}

/// Records of one list decoded on every core: the list is cut into runs of records, and each
/// run read on its own thread, record by record, straight from the bytes (``DirectDecodable``).
/// A record the direct reader leaves alone (a bad one, or an unusual one) is decoded by
/// `JSONDecoder`, so its value or problem is exactly what a whole-file decode gives, at its place
/// in the file (`members[12].…`).
private enum ParallelRecords<T: DirectDecodable> {
    static func decode(_ ranges: [Range<Int>], list: String, in data: Data) -> [Lenient<T>]? {
        guard !ranges.isEmpty else { return [] }
        let runs = max(1, min(ranges.count / 256, 4 * ProcessInfo.processInfo.activeProcessorCount))
        let size = (ranges.count + runs - 1) / runs
        let parts = Mutex<[[Lenient<T>]?]>(Array(repeating: nil, count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let lower = run * size, upper = min(ranges.count, lower + size)
            var records: [Lenient<T>] = []
            records.reserveCapacity(max(0, upper - lower))
            let complete = data.withUnsafeBytes { raw -> Bool in
                let bytes = raw.bindMemory(to: UInt8.self)
                for k in lower..<max(lower, upper) {
                    var json = JSONBytes(bytes, range: ranges[k])
                    if let record = T.read(&json), json.atEnd {
                        records.append(Lenient(value: .success(record)))
                    } else if let record = decodeOne(UnsafeRawBufferPointer(rebasing: raw[ranges[k]]), list: list, index: k) {
                        records.append(record)
                    } else {
                        return false
                    }
                }
                return true
            }
            guard complete else { return }
            parts.withLock { $0[run] = records }
        }
        return parts.withLock { parts -> [Lenient<T>]? in
            var all: [Lenient<T>] = []
            all.reserveCapacity(ranges.count)
            for part in parts {
                guard let part else { return nil }
                all += part
            }
            return all.count == ranges.count ? all : nil
        }
    }

    /// One record by `JSONDecoder`, as element `index` of `list`; `nil` when it is not sound
    /// JSON by ``JSONSyntax`` (the whole file is then read again, to say where).
    static func decodeOne(_ bytes: UnsafeRawBufferPointer, list: String, index: Int) -> Lenient<T>? {
        guard JSONSyntax.problem(in: bytes) == nil else { return nil }
        var array = Data([UInt8(ascii: "[")])
        array.append(contentsOf: bytes)
        array.append(UInt8(ascii: "]"))
        guard let decoded = try? JSONDecoder().decode([Lenient<T>].self, from: array), decoded.count == 1 else {
            return nil
        }
        guard case .failure(let problem) = decoded[0].value else { return decoded[0] }
        return Lenient(value: .failure(Self.placed(problem, list: list, offset: index)))
    }

    /// `[3].availability` in a run starting at record 40 of `members` is `members[43].availability`.
    static func placed(_ problem: ValidationError, list: String, offset: Int) -> ValidationError {
        let field = problem.field
        guard field.hasPrefix("["), let close = field.firstIndex(of: "]"),
            let k = Int(field[field.index(after: field.startIndex)..<close])
        else { return ValidationError(field: list, reason: problem.reason) }
        return ValidationError(field: "\(list)[\(offset + k)]\(field[field.index(after: close)...])", reason: problem.reason)
    }
}
