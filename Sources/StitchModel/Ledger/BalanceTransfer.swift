/// Members' time-credit balances carried from one time bank to an affiliated one: the file
/// `stitch credits export` writes and `stitch credits import` reads (docs/ledger.md).
///
/// Members are matched by id. Importing gives each member their balance by a `carryOver` entry
/// with the importing time bank's account, so every account's balances still sum to zero.
///
/// ```json
/// {"timebank": "Rushey Green Time Bank", "date": "2026-12-07",
///  "balances": [{"member": "m-arthur", "hours": 12.5}, {"member": "m-vera", "hours": -2}]}
/// ```
public struct BalanceTransfer: Sendable, Hashable, Codable {
    /// One member's balance: credits, below zero when they have received more than given.
    public struct Balance: Sendable, Hashable, Codable {
        public var member: String
        public var hours: Double

        public init(member: String, hours: Double) {
            self.member = member
            self.hours = hours
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case member, hours }

        /// The keys of its JSON object: any other key is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            member = try c.decodeIdentifier(forKey: .member)
            hours = try c.decode(Double.self, forKey: .hours)
            var errors: [ValidationError] = []
            RecordBounds.checkID(member, field: "member", into: &errors)
            RecordBounds.check(hours, BalanceTransfer.hours, field: "hours", into: &errors)
            try c.enforce(errors)
        }
    }

    /// The name of the time bank the balances come from.
    public var timebank: String
    /// The day the balances were taken.
    public var date: CalendarDate
    public var balances: [Balance]

    /// The range of one member's balance in a file.
    public static let hours: ClosedRange<Double> = -100_000...100_000

    public init(timebank: String, date: CalendarDate, balances: [Balance]) {
        self.timebank = timebank
        self.date = date
        self.balances = balances
    }

    private enum CodingKeys: String, CodingKey, CaseIterable { case timebank, date, balances }

    /// The keys of the file's object: any other key is refused.
    public static let fieldKeys = RecordKeys(CodingKeys.self)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try decoder.rejectUnknownKeys(Self.fieldKeys)
        timebank = try c.decode(String.self, forKey: .timebank)
        date = try c.decode(CalendarDate.self, forKey: .date)
        balances = try c.decode([Balance].self, forKey: .balances)
        var errors: [ValidationError] = []
        RecordBounds.checkText(timebank, field: "timebank", into: &errors)
        if timebank.isEmpty { errors.append(.init(field: "timebank", reason: "is empty; give the name of the time bank the balances come from")) }
        var seen = Set<String>()
        for (i, b) in balances.enumerated() where !seen.insert(b.member).inserted {
            errors.append(.init(field: "balances[\(i)].member", reason: "'\(NearestWord.shown(b.member))' is listed twice; give each member one balance"))
        }
        try c.enforce(errors)
    }

    /// The balances of every member of `community` with credits other than zero, by member id.
    public static func export(_ community: Community, timebank: String, date: CalendarDate) -> BalanceTransfer {
        let all = community.ledgerBalances()
        let balances = community.members.map(\.id).sorted().compactMap { id in
            all[id].flatMap { $0 == 0 ? nil : Balance(member: id, hours: $0) }
        }
        return BalanceTransfer(timebank: timebank, date: date, balances: balances)
    }

    /// The `carryOver` entries that give each listed member their balance in `community`, paid
    /// by the time bank's account there; or every problem, at its field (`balances[3].member`)
    /// with what to do.
    public func entries(for community: Community) -> Result<[LedgerEntry], ValidationErrors> {
        let rules = community.ledgerRules
        let memberIDs = Set(community.members.map(\.id))
        var errors: [ValidationError] = []
        guard let bank = rules.timebankID else {
            return .failure(
                ValidationErrors([
                    .init(
                        field: "timebank",
                        reason: "this time bank has no account of kind timebank to carry credits over with; add one first (stitch credits account add)")
                ]))
        }
        var entries: [LedgerEntry] = []
        for (i, b) in balances.enumerated() {
            guard memberIDs.contains(b.member) else {
                errors.append(
                    .init(
                        field: "balances[\(i)].member",
                        reason: NearestWord.unknownID("member", b.member, nearest: NearestWord.nearest(to: b.member, among: memberIDs))
                            + "; add the member here first (members are matched by id)"))
                continue
            }
            guard b.hours != 0 else { continue }
            let (from, to) = b.hours > 0 ? (bank, b.member) : (b.member, bank)
            entries.append(LedgerEntry(kind: .carryOver, from: [from], to: [to], hours: abs(b.hours), skill: nil, date: date))
        }
        return errors.isEmpty ? .success(entries) : .failure(ValidationErrors(errors))
    }
}
