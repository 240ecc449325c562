public import StitchModel

extension MethodParams {
    /// `ledger.record`: one ledger entry (docs/ledger.md).
    public struct RecordLedgerEntry: Decodable, Sendable {
        public var entry: LedgerEntry
        public init(entry: LedgerEntry) { self.entry = entry }

        private enum CodingKeys: String, CodingKey, CaseIterable { case entry }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            entry = try c.decode(LedgerEntry.self, forKey: .entry)
        }
    }

    /// `ledger.balances`: every account's balance, or those of some accounts or of one kind.
    public struct LedgerBalances: Decodable, Sendable {
        /// Only these accounts (members' or others').
        public var accounts: [String]?
        /// Only accounts of this kind: `member`, `timebank`, `organisation` or `pot`.
        public var kind: String?
        /// Leave out accounts whose balance is zero.
        public var nonZero: Bool?

        public init(accounts: [String]? = nil, kind: String? = nil, nonZero: Bool? = nil) {
            self.accounts = accounts
            self.kind = kind
            self.nonZero = nonZero
        }

        /// The kinds an account can be, `member` first.
        public static let kinds = ["member"] + LedgerAccount.Kind.allCases.map(\.rawValue)

        private enum CodingKeys: String, CodingKey, CaseIterable { case accounts, kind, nonZero }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            accounts = try c.decodeIfPresent([String].self, forKey: .accounts)
            kind = try c.decodeIfPresent(String.self, forKey: .kind)
            nonZero = try c.decodeIfPresent(Bool.self, forKey: .nonZero)
            var errors: [ValidationError] = []
            if let accounts { RecordBounds.checkIDs(accounts, maximum: RecordBounds.maximumListLength, field: "accounts", into: &errors) }
            if let kind, !Self.kinds.contains(kind) {
                errors.append(.init(field: "kind", reason: "unknown account kind '\(NearestWord.shown(kind))'; use one of \(Self.kinds.joined(separator: ", "))"))
            }
            if let first = errors.first {
                let key: CodingKeys = first.field == "kind" ? .kind : .accounts
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: first.reason)
            }
        }
    }

    /// `ledger.account.add`: an account that is not a member's.
    public struct AddLedgerAccount: Decodable, Sendable {
        public var account: LedgerAccount
        public init(account: LedgerAccount) { self.account = account }

        private enum CodingKeys: String, CodingKey, CaseIterable { case account }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            account = try c.decode(LedgerAccount.self, forKey: .account)
        }
    }

    /// `ledger.export`: the members' balances to carry over to an affiliated time bank.
    public struct ExportBalances: Decodable, Sendable {
        /// The name of this time bank, written in the file.
        public var timebank: String
        /// The day the balances are taken (today when left out).
        public var date: CalendarDate?

        public init(timebank: String, date: CalendarDate? = nil) {
            self.timebank = timebank
            self.date = date
        }

        private enum CodingKeys: String, CodingKey, CaseIterable { case timebank, date }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            timebank = try c.decode(String.self, forKey: .timebank)
            date = try c.decodeIfPresent(CalendarDate.self, forKey: .date)
            var errors: [ValidationError] = []
            RecordBounds.checkText(timebank, field: "timebank", into: &errors)
            if timebank.isEmpty { errors.append(.init(field: "timebank", reason: "is empty; give the name of this time bank")) }
            if let first = errors.first {
                throw DecodingError.dataCorrupted(.init(codingPath: [CodingKeys.timebank], debugDescription: first.reason))
            }
        }
    }

    /// `ledger.import`: balances carried over from an affiliated time bank.
    public struct ImportBalances: Decodable, Sendable {
        public var transfer: BalanceTransfer
        public init(transfer: BalanceTransfer) { self.transfer = transfer }

        private enum CodingKeys: String, CodingKey, CaseIterable { case transfer }
        /// The keys of these params: any other is refused.
        public static let fieldKeys = RecordKeys(CodingKeys.self)
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            try decoder.rejectUnknownKeys(Self.fieldKeys)
            transfer = try c.decode(BalanceTransfer.self, forKey: .transfer)
        }
    }
}

extension MethodResults {
    /// One account's balance in hours (credits), with its kind (`member` for a member).
    public struct AccountBalance: Encodable, Sendable, Hashable {
        public var id: String
        public var kind: String
        public var balance: Double
    }

    /// `ledger.balances`, `ledger.record` and `ledger.import`: balances by account id, and their
    /// sum over every account of the ledger (zero, to rounding).
    public struct LedgerBalances: Encodable, Sendable {
        public var balances: [AccountBalance]
        public var total: Double
    }

    /// `ledger.account.list`: the accounts that are not members', in the order added.
    public struct LedgerAccounts: Encodable, Sendable {
        public var accounts: [LedgerAccount]
    }
}
