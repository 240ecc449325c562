public import Foundation

/// A person's account on the web interface: a name to log in with and a role. Never a member
/// of the community: accounts are the staff who use Stitch, members are the people it matches.
public struct Account: Sendable, Hashable, Codable {
    /// The name to log in with: lower case letters, digits and `. _ - @`, 1 to 64 characters.
    public var name: String
    public var role: AccountRole
    /// When the account was made.
    public var created: Date

    public init(name: String, role: AccountRole, created: Date) {
        self.name = name
        self.role = role
        self.created = created
    }

    /// The longest name.
    public static let maximumNameLength = 64

    /// The name in its stored form (lower case, trimmed), or why it cannot be a name.
    public static func normalizedName(_ raw: String) -> Result<String, AccountProblem> {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        guard !name.isEmpty else { return .failure(.init(field: "name", reason: "is empty; give the name to log in with")) }
        guard name.count <= maximumNameLength else {
            return .failure(.init(field: "name", reason: "is longer than \(maximumNameLength) characters"))
        }
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-" || $0 == "@"
        }
        guard allowed else {
            return .failure(
                .init(field: "name", reason: "may hold only letters a to z, digits and . _ - @ (no spaces)"))
        }
        return .success(name)
    }
}

/// An account as the store keeps it: the account and its password's bcrypt hash.
public struct StoredAccount: Sendable, Hashable {
    public var account: Account
    /// The bcrypt hash (`$2b$12$…`), which holds its own salt and cost.
    public var passwordHash: String

    public init(account: Account, passwordHash: String) {
        self.account = account
        self.passwordHash = passwordHash
    }
}

/// Why an account's name, role or password was refused: the field and the reason in plain English.
public struct AccountProblem: Error, Sendable, Hashable {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// As the error every interface reports: -32602 at `params.<field>`.
    public var serviceError: ServiceError {
        ServiceError(.invalidParams, "Invalid params: params.\(field): \(reason)", field: "params.\(field)", reason: reason)
    }
}
