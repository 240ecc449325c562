/// One movement of time credits between accounts: an exchange of time (one to one, one to
/// many, many to one), a donation of credits, or credits spent on an activity.
///
/// - `exchange`: each of `from` (members) gave `hours` of time to `to` (members, or an
///   organisation's or the time bank's account) and earns `hours` credits. The credits are paid
///   by `paidBy` when given (the good will pot, the time bank, an organisation); otherwise by
///   the one receiver, and for a group (several receivers) by the time bank's account, so no
///   one in a group pays a fraction of an hour (docs/ledger.md).
/// - `donation`: `from` (one account) gives `hours` credits to `to` (one member or the pot).
/// - `spend`: each of `from` (members) spends `hours` credits with `to` (the account of whoever
///   accepts them), for `activity` when given.
/// - `carryOver`: credits carried over from an affiliated time bank: `hours` from `from` (the
///   time bank's account) to `to` (one member), or back for a balance below zero.
///
/// ```json
/// {"kind": "exchange", "from": ["m-jade"], "to": ["m-vera", "m-arthur"], "hours": 2}
/// ```
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// What an entry records.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case exchange, donation, spend, carryOver
    }

    public var id: String?
    public var kind: Kind
    public var from: [String]
    public var to: [String]
    /// Hours each giver gave (`exchange`), credits each spender spends (`spend`), or credits
    /// moved (`donation`, `carryOver`).
    public var hours: Double
    /// The account that pays an exchange's credits instead of its receivers.
    public var paidBy: String?
    /// The activity credits were spent on (`spend`).
    public var activity: String?
    public var skill: String?
    public var date: CalendarDate?

    public init(
        id: String? = nil, kind: Kind, from: [String], to: [String], hours: Double, paidBy: String? = nil,
        activity: String? = nil, skill: String? = nil, date: CalendarDate? = nil
    ) {
        self.id = id
        self.kind = kind
        self.from = from
        self.to = to
        self.hours = hours
        self.paidBy = paidBy
        self.activity = activity
        self.skill = skill
        self.date = date
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case id, kind, from, to, hours, paidBy, activity, skill, date }

    /// The keys of its JSON object, by its coding keys: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    /// The range of credits one donation or carry-over moves (an exchange's or a spend's hours
    /// are those of one session, ``RecordBounds/hours``).
    public static let credits: ClosedRange<Double> = 0...100_000

    /// The most accounts on one side of an entry (a large group session).
    public static let maximumSide = 1000

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        let raw = try c.decode(String.self, forKey: .kind)
        guard let kind = Kind(rawValue: raw) else {
            let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: c.codingPath + [CodingKeys.kind],
                    debugDescription: "unknown entry kind '\(NearestWord.shown(raw))'; use one of \(kinds)"))
        }
        self.kind = kind
        from = try c.decode([String].self, forKey: .from)
        to = try c.decode([String].self, forKey: .to)
        guard let h = try c.decodeNonNegative(forKey: .hours) else {
            throw DecodingError.keyNotFound(
                CodingKeys.hours, .init(codingPath: c.codingPath, debugDescription: "hours is required"))
        }
        hours = h
        paidBy = try c.decodeIfPresent(String.self, forKey: .paidBy)
        activity = try c.decodeIfPresent(String.self, forKey: .activity)
        skill = try c.decodeIfPresent(String.self, forKey: .skill)
        date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
        try c.enforce(boundErrors())
    }

    /// The fields outside their bounds, and sides of the wrong size for the kind; empty when
    /// the entry is sound on its own.
    public func boundErrors() -> [ValidationError] {
        var errors: [ValidationError] = []
        if let id { RecordBounds.checkID(id, field: "id", into: &errors) }
        RecordBounds.checkIDs(from, maximum: Self.maximumSide, field: "from", into: &errors)
        RecordBounds.checkIDs(to, maximum: Self.maximumSide, field: "to", into: &errors)
        if let paidBy { RecordBounds.checkID(paidBy, field: "paidBy", into: &errors) }
        if let activity { RecordBounds.checkID(activity, field: "activity", into: &errors) }
        RecordBounds.check(hours, kind == .exchange || kind == .spend ? RecordBounds.hours : Self.credits, field: "hours", into: &errors)
        RecordBounds.checkText(skill, field: "skill", into: &errors)
        if from.isEmpty { errors.append(.init(field: "from", reason: "is empty; name at least one account")) }
        if to.isEmpty { errors.append(.init(field: "to", reason: "is empty; name at least one account")) }
        let single: Set<Kind> = [.donation, .carryOver]
        if single.contains(kind) {
            if from.count > 1 { errors.append(.init(field: "from", reason: "a \(kind.rawValue) comes from one account; record one entry per account")) }
            if to.count > 1 { errors.append(.init(field: "to", reason: "a \(kind.rawValue) goes to one account; record one entry per account")) }
        }
        if kind == .spend, to.count > 1 {
            errors.append(.init(field: "to", reason: "credits are spent with one account; record one entry per account"))
        }
        if kind != .exchange, paidBy != nil {
            errors.append(.init(field: "paidBy", reason: "only an exchange is paid by another account; leave paidBy out"))
        }
        if kind != .spend, activity != nil {
            errors.append(.init(field: "activity", reason: "only credits spent name an activity; leave activity out"))
        }
        for (i, id) in from.enumerated() where to.contains(id) {
            errors.append(.init(field: "from[\(i)]", reason: "'\(NearestWord.shown(id))' is on both sides; an account cannot pay itself"))
        }
        for (i, id) in from.enumerated() where from[..<i].contains(id) {
            errors.append(.init(field: "from[\(i)]", reason: "'\(NearestWord.shown(id))' is named twice; name each account once"))
        }
        for (i, id) in to.enumerated() where to[..<i].contains(id) {
            errors.append(.init(field: "to[\(i)]", reason: "'\(NearestWord.shown(id))' is named twice; name each account once"))
        }
        if let paidBy, from.contains(paidBy) {
            errors.append(.init(field: "paidBy", reason: "a giver cannot pay their own credits; name another account"))
        }
        return errors
    }

    /// The problem with an entry id already taken.
    public static func duplicateIDError(_ id: String) -> ValidationError {
        .init(field: "id", reason: "duplicate ledger entry id '\(NearestWord.shown(id))'; give each entry its own id or none")
    }
}
