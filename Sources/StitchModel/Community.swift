/// Everything Stitch knows of one community: members, activities, exchanges of time and attendance.
///
/// The community file (`stitch import FILE`, `community.load`) has exactly this shape:
/// `{"members":[…],"activities":[…],"exchanges":[…],"attendance":[…],"accounts":[…],"ledger":[…]}`
/// (`accounts` and `ledger`: the time bank's ledger beyond one-to-one exchanges, docs/ledger.md).
/// A community file may also list `pairings` (ongoing pairings of its people), which are kept
/// beside the community, not in it: ``CommunityFile`` reads and writes the file whole, and a
/// community decoded on its own refuses a file with pairings rather than drop them.
public struct Community: Sendable, Hashable, Codable {
    public var members: [Member]
    public var activities: [Activity]
    public var exchanges: [Exchange]
    public var attendance: [Attendance]
    /// The ledger's accounts that are not members' (the time bank, organisations, the pot).
    public var accounts: [LedgerAccount]
    /// Ledger entries beyond one-to-one exchanges: groups, donations, credits spent.
    public var ledger: [LedgerEntry]

    public init(
        members: [Member] = [], activities: [Activity] = [], exchanges: [Exchange] = [], attendance: [Attendance] = [],
        accounts: [LedgerAccount] = [], ledger: [LedgerEntry] = []
    ) {
        self.members = members
        self.activities = activities
        self.exchanges = exchanges
        self.attendance = attendance
        self.accounts = accounts
        self.ledger = ledger
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case members, activities, exchanges, attendance, accounts, ledger
        /// Beside the community in its file (``CommunityFile``), never decoded into it.
        case pairings
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(members, forKey: .members)
        try c.encode(activities, forKey: .activities)
        try c.encode(exchanges, forKey: .exchanges)
        try c.encode(attendance, forKey: .attendance)
        // A community without a ledger is written as before.
        if !accounts.isEmpty { try c.encode(accounts, forKey: .accounts) }
        if !ledger.isEmpty { try c.encode(ledger, forKey: .ledger) }
    }

    /// The keys of a community file's top-level object: a JSON object with none of them is not
    /// a community (it is never read as an empty one).
    public static let fileKeys: Set<String> = Set(CodingKeys.allCases.map(\.stringValue))

    /// The same keys in their order, for the check of unknown keys and its messages.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    /// Why a JSON value whose top-level object has `keys` is not a community (`nil` keys: the
    /// value is not an object); `nil` when it may be one.
    ///
    /// An object with none of the community keys is not a community (an empty one included:
    /// an empty community is `{"members": []}`), unless one of its keys is a misspelt community
    /// key (`member`), which the check of unknown keys then names. A skills taxonomy
    /// (`{"skills": …}`) is said to be one. The reason never quotes the value's own keys or
    /// contents.
    public static func notACommunityReason(keys: [String]?) -> String? {
        let shape = "a community is a JSON object with the keys \(fieldKeys.names.joined(separator: ", ")) (each optional)"
        guard let keys else { return "not a community: \(shape), and this is not an object" }
        guard !keys.contains(where: fileKeys.contains) else { return nil }
        if keys.contains(where: { NearestWord.nearest(to: $0, among: fieldKeys.names) != nil }) { return nil }
        if keys.contains(SkillTaxonomy.fieldKeys.names[0]) {
            return "not a community: this is a skills taxonomy (it has skills), which is given with --taxonomy; \(shape)"
        }
        return "not a community: \(shape), and this one has none of them"
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, pairingsReadBeside: false)
    }

    /// Decodes the community of a community file; `pairingsReadBeside` when the caller reads
    /// the file's `pairings` itself (``CommunityFile``), else a file listing any is refused at
    /// `pairings` rather than have them dropped.
    init(from decoder: any Decoder, pairingsReadBeside: Bool) throws {
        let c: KeyedDecodingContainer<CodingKeys>
        do {
            c = try decoder.container(keyedBy: CodingKeys.self)
        } catch DecodingError.typeMismatch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: Self.notACommunityReason(keys: nil) ?? ""))
        }
        let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        if let reason = Self.notACommunityReason(keys: keys) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: reason))
        }
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        if !pairingsReadBeside, c.contains(.pairings), try !c.decodeNil(forKey: .pairings),
            try c.nestedUnkeyedContainer(forKey: .pairings).count != 0
        {
            throw DecodingError.dataCorruptedError(
                forKey: .pairings, in: c,
                debugDescription: "ongoing pairings are kept beside the community, not in it; read the file as a community file "
                    + "(CommunityFile), or start each pairing with pairing.start")
        }
        members = try c.decode([Member].self, forKey: .members, default: [])
        activities = try c.decode([Activity].self, forKey: .activities, default: [])
        exchanges = try c.decode([Exchange].self, forKey: .exchanges, default: [])
        attendance = try c.decode([Attendance].self, forKey: .attendance, default: [])
        accounts = try c.decode([LedgerAccount].self, forKey: .accounts, default: [])
        ledger = try c.decode([LedgerEntry].self, forKey: .ledger, default: [])
    }

    /// Checks every record against ``RecordBounds`` (for records built in code rather than
    /// decoded), then what decoding each record alone cannot: duplicate ids, references to
    /// unknown members or activities, and a member listed in their own `avoid`.
    ///
    /// - Returns: every problem found, each with its field path; empty when the community is sound.
    public func validationErrors() -> [ValidationError] {
        var errors = boundErrors()
        var memberIDs = Set<String>()
        for (i, member) in members.enumerated() where !memberIDs.insert(member.id).inserted {
            errors.append(.init(field: "members[\(i)].id", reason: "duplicate member id '\(member.id)'"))
        }
        var activityIDs = Set<String>()
        for (i, activity) in activities.enumerated() where !activityIDs.insert(activity.id).inserted {
            errors.append(.init(field: "activities[\(i)].id", reason: "duplicate activity id '\(activity.id)'"))
        }
        // "Did you mean" for the first unknown ids only: each is a search of every id.
        var suggestionsLeft = Self.maximumSuggestions
        func nearest(_ ids: Set<String>) -> (String) -> String? {
            { id in
                guard suggestionsLeft > 0 else { return nil }
                suggestionsLeft -= 1
                return NearestWord.nearest(to: id, among: ids)
            }
        }
        let nearestMember = nearest(memberIDs), nearestActivity = nearest(activityIDs)
        for (i, member) in members.enumerated() {
            errors += member.referenceErrors(isMember: memberIDs.contains, nearestMember: nearestMember)
                .map { $0.inside("members[\(i)]") }
        }
        for (i, activity) in activities.enumerated() {
            errors += activity.placeErrors().map { $0.inside("activities[\(i)]") }
        }
        var exchangeIDs = Set<String>()
        for (i, exchange) in exchanges.enumerated() {
            if let id = exchange.id, !exchangeIDs.insert(id).inserted {
                errors.append(Exchange.duplicateIDError(id).inside("exchanges[\(i)]"))
            }
            errors += exchange.referenceErrors(isMember: memberIDs.contains, nearestMember: nearestMember)
                .map { $0.inside("exchanges[\(i)]") }
        }
        for (i, record) in attendance.enumerated() {
            errors += record.referenceErrors(
                isMember: memberIDs.contains, isActivity: activityIDs.contains, nearestMember: nearestMember,
                nearestActivity: nearestActivity)
                .map { $0.inside("attendance[\(i)]") }
        }
        errors += ledgerErrors(memberIDs: memberIDs, nearestMember: nearestMember)
        return errors
    }

    /// The ledger's problems: account ids taken twice or by a member, entry ids taken twice,
    /// and entries naming accounts that do not fit them.
    private func ledgerErrors(memberIDs: Set<String>, nearestMember: (String) -> String?) -> [ValidationError] {
        var errors: [ValidationError] = []
        var accountIDs = Set<String>()
        for (i, account) in accounts.enumerated() {
            if memberIDs.contains(account.id) || !accountIDs.insert(account.id).inserted {
                errors.append(LedgerAccount.takenIDError(account.id, byMember: memberIDs.contains(account.id)).inside("accounts[\(i)]"))
            }
        }
        let rules = ledgerRules
        var entryIDs = Set<String>()
        for (i, entry) in ledger.enumerated() {
            if let id = entry.id, !entryIDs.insert(id).inserted {
                errors.append(LedgerEntry.duplicateIDError(id).inside("ledger[\(i)]"))
            }
            errors += rules.referenceErrors(of: entry, nearestMember: nearestMember).map { $0.inside("ledger[\(i)]") }
        }
        return errors
    }

    /// The rules that read this community's ledger entries (its members and accounts).
    public var ledgerRules: LedgerRules {
        let memberIDs = Set(members.map(\.id))
        return LedgerRules(accounts: accounts, isMember: { memberIDs.contains($0) })
    }

    /// Every account's balance in hours (members' and the others'), from the exchanges and the
    /// ledger; accounts with no movement are absent. The balances sum to zero.
    public func ledgerBalances() -> [String: Double] {
        ledgerRules.balanceSeconds(exchanges: exchanges, entries: ledger).mapValues { Double($0) / 3600 }
    }

    /// How many unknown ids one ``validationErrors()`` suggests a known id for (each suggestion
    /// looks at every id; a file of thousands of bad references still answers at once).
    public static let maximumSuggestions = 20

    /// Every record's fields outside ``RecordBounds``, each at its path (`activities[2].ageMax`).
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        for (i, member) in members.enumerated() { errors += member.boundErrors().map { $0.inside("members[\(i)]") } }
        for (i, activity) in activities.enumerated() {
            errors += activity.boundErrors().map { $0.inside("activities[\(i)]") }
        }
        for (i, exchange) in exchanges.enumerated() {
            errors += exchange.boundErrors().map { $0.inside("exchanges[\(i)]") }
        }
        for (i, record) in attendance.enumerated() {
            errors += record.boundErrors().map { $0.inside("attendance[\(i)]") }
        }
        for (i, account) in accounts.enumerated() { errors += account.boundErrors().map { $0.inside("accounts[\(i)]") } }
        for (i, entry) in ledger.enumerated() { errors += entry.boundErrors().map { $0.inside("ledger[\(i)]") } }
        return errors
    }

    /// Throws every validation error at once when the community is not sound.
    public func validate() throws(ValidationErrors) {
        let errors = validationErrors()
        if !errors.isEmpty { throw ValidationErrors(errors) }
    }
}
