import Foundation
import HummingbirdBcrypt
import Logging
import Synchronization

/// The account use cases every interface calls: making, listing and removing accounts (the
/// CLI's `stitch account`), logging in (the web pages), and the audit log.
///
/// Passwords are hashed with bcrypt (cost ``defaultCost``, at least ``minimumCost``); only the
/// hash is stored. A login under an unknown name does the same work as one under a known name
/// (a hash is checked either way) and gets the same answer as a wrong password, so neither the
/// answer nor its time tells which names exist. Repeated failures lock a name for a while
/// (``LoginThrottle``).
///
/// ```swift
/// let accounts = AccountService(store: store)
/// _ = try await accounts.add(MethodParams.AddAccount(name: "ada", role: .linkWorker, password: "…"))
/// switch await accounts.logIn(MethodParams.LogIn(name: "ada", password: "…")) { … }
/// ```
public final class AccountService: Sendable {
    /// The bcrypt cost of new passwords (2¹² rounds).
    public static let defaultCost: UInt8 = 12
    /// The lowest cost accepted.
    public static let minimumCost: UInt8 = 10
    /// The shortest password, in characters.
    public static let minimumPasswordLength = 12
    /// The longest password, in bytes (bcrypt reads no further).
    public static let maximumPasswordBytes = 72

    public let store: any AccountStore
    public let cost: UInt8
    public let throttle: LoginThrottle
    /// A hash checked when the name is no account, so a refusal takes as long either way.
    private let stand = Mutex<String?>(nil)

    /// - Parameter cost: the bcrypt cost of new passwords, raised to ``minimumCost`` if lower.
    public init(store: any AccountStore, cost: UInt8 = AccountService.defaultCost, throttle: LoginThrottle = LoginThrottle()) {
        self.store = store
        self.cost = max(cost, Self.minimumCost)
        self.throttle = throttle
    }

    /// What a login attempt came to.
    public enum LogInOutcome: Sendable, Hashable {
        case loggedIn(Account)
        /// Refused, with the message to show: the same for a wrong password and an unknown name.
        case refused(String)
    }

    /// The message for a wrong password or an unknown name.
    public static let refusal = "That name and password do not match an account. Check both and try again."

    // MARK: Accounts

    /// Makes an account, refusing a bad name, a short or long password, or a name already taken.
    public func add(_ params: MethodParams.AddAccount) async throws(ServiceError) -> Account {
        let name: String
        switch Account.normalizedName(params.name) {
        case .success(let normalized): name = normalized
        case .failure(let problem): throw problem.serviceError
        }
        if let problem = Self.passwordProblem(params.password, name: name) { throw problem.serviceError }
        let password = params.password, cost = self.cost
        let hash = await Self.offThePool { Bcrypt.hash(password, cost: cost) }
        let account = Account(name: name, role: params.role, created: Date())
        let added = try Self.storing("account.add") { try store.insert(StoredAccount(account: account, passwordHash: hash)) }
        guard added else {
            throw AccountProblem(field: "name", reason: "'\(name)' is already an account; remove it first to make it again")
                .serviceError
        }
        return account
    }

    /// Every account, by name.
    public func list() throws(ServiceError) -> [Account] {
        try Self.storing("account.list") { try store.accounts() }
    }

    /// The account with this name (any case), if any.
    public func account(named raw: String) throws(ServiceError) -> Account? {
        guard case .success(let name) = Account.normalizedName(raw) else { return nil }
        return try Self.storing("account.read") { try store.storedAccount(named: name) }?.account
    }

    /// Removes an account; an unknown name is refused, naming it.
    public func remove(name raw: String) throws(ServiceError) -> Account {
        let name: String
        switch Account.normalizedName(raw) {
        case .success(let normalized): name = normalized
        case .failure(let problem): throw problem.serviceError
        }
        guard let stored = try Self.storing("account.read", { try store.storedAccount(named: name) }) else {
            throw AccountProblem(field: "name", reason: "'\(name)' is not an account (see `stitch account list`)").serviceError
        }
        _ = try Self.storing("account.remove") { try store.removeAccount(named: name) }
        return stored.account
    }

    /// Why a password cannot be used, or `nil`.
    static func passwordProblem(_ password: String, name: String) -> AccountProblem? {
        if password.count < minimumPasswordLength {
            return AccountProblem(
                field: "password", reason: "is shorter than \(minimumPasswordLength) characters; use a longer one (a few words work well)")
        }
        if password.utf8.count > maximumPasswordBytes {
            return AccountProblem(field: "password", reason: "is longer than \(maximumPasswordBytes) bytes, which bcrypt cannot use whole")
        }
        if password.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return AccountProblem(field: "password", reason: "holds a control character (a line break or tab)")
        }
        if password.lowercased() == name { return AccountProblem(field: "password", reason: "is the account's name") }
        return nil
    }

    // MARK: Logging in

    /// Checks a name and password. Refused (with ``refusal``) for an unknown name or a wrong
    /// password alike; a name locked by the ``throttle`` is refused without checking. Each
    /// login and refusal is written to the audit log (a refusal under an unknown name without it).
    public func logIn(_ params: MethodParams.LogIn) async -> LogInOutcome {
        let key = params.name.trimmingCharacters(in: .whitespaces).lowercased()
        if let remaining = throttle.lockRemaining(for: key) {
            let minutes = max(1, Int((Double(remaining.components.seconds) / 60).rounded(.up)))
            return .refused(
                "Too many failed attempts with this name. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again, "
                    + "or ask an administrator to check the account.")
        }
        let stored: StoredAccount?
        do {
            if case .success(let name) = Account.normalizedName(params.name) {
                stored = try store.storedAccount(named: name)
            } else {
                stored = nil
            }
        } catch {
            Self.log("could not read an account to log in: \(error)")
            return .refused("Stitch could not check the account just now. Try again in a moment.")
        }
        let hash = stored?.passwordHash ?? standInHash()
        let password = params.password
        let matches = await Self.offThePool { Bcrypt.verify(password, hash: hash) }
        guard let stored, matches else {
            throttle.recordFailure(for: key)
            record(AuditEntry(account: stored?.account.name, action: .logInRefused))
            return .refused(Self.refusal)
        }
        throttle.recordSuccess(for: key)
        record(AuditEntry(account: stored.account.name, action: .logIn))
        return .loggedIn(stored.account)
    }

    /// The stand-in hash, made once at the service's cost.
    private func standInHash() -> String {
        if let hash = stand.withLock({ $0 }) { return hash }
        var bytes = [UInt8](repeating: 0, count: 24)
        for i in bytes.indices { bytes[i] = .random(in: .min ... .max) }
        let hash = Bcrypt.hash(bytes.map { String(format: "%02x", $0) }.joined(), cost: cost)
        stand.withLock { $0 = hash }
        return hash
    }

    // MARK: Audit

    /// Writes a line to the audit log; a failure is logged (without the line's contents) and
    /// does not stop what was audited.
    public func record(_ entry: AuditEntry) {
        do {
            try store.append(entry)
        } catch {
            Self.log("could not write an audit line (\(entry.action.rawValue)): \(error)")
        }
    }

    /// The last `limit` lines of the audit log, oldest first.
    public func audit(limit: Int) throws(ServiceError) -> [AuditEntry] {
        try Self.storing("audit.read") { try store.auditEntries(limit: max(0, limit)) }
    }

    // MARK: Helpers

    /// Runs slow work (bcrypt) on a thread of its own, off Swift's cooperative pool.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    /// A store call, its failure answered -32603 and logged without personal data.
    static func storing<T>(_ what: String, _ body: () throws -> T) throws(ServiceError) -> T {
        do {
            return try body()
        } catch {
            log("\(what) failed: \(error)")
            throw ServiceError(.internalError, "Internal error: the accounts could not be read or written")
        }
    }

    /// A failure the caller was answered about, for the operator: names and counts only.
    static func log(_ message: String) {
        Logger(label: "stitch.accounts").warning("\(message)")
    }
}
