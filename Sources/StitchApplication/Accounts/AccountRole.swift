import StitchModel

/// What a person with an account does, and so which pages and actions of the web interface
/// they may use.
///
/// - `broker`: a time bank's broker: "who can help?" and recording the exchange agreed.
/// - `link-worker`: a GP's or practice's link worker: referrals.
/// - `connector`: a community connector: the network overview and planning sessions.
/// - `admin`: everything.
///
/// ```swift
/// AccountRole.broker.may(.whoCanHelp)   // true
/// AccountRole.broker.may(.refer)        // false
/// ```
public enum AccountRole: String, CaseIterable, Sendable, Hashable, Codable {
    case broker
    case linkWorker = "link-worker"
    case connector
    case admin

    /// What may be used: each page of the web interface, and the writes made from it.
    public enum Permission: String, CaseIterable, Sendable, Hashable {
        /// The broker's "who can help?" (`match.helpers`).
        case whoCanHelp
        /// Recording an exchange agreed from it (`exchange.record`).
        case recordExchange
        /// The link worker's referral (`refer.activities`).
        case refer
        /// The connector's network overview (`network.analyse`).
        case network
        /// The connector's planning session (`plan.allocate`).
        case plan
    }

    /// The permissions of the role.
    public var permissions: Set<Permission> {
        switch self {
        case .broker: [.whoCanHelp, .recordExchange]
        case .linkWorker: [.refer]
        case .connector: [.network, .plan]
        case .admin: Set(Permission.allCases)
        }
    }

    /// Whether the role may use `permission`.
    public func may(_ permission: Permission) -> Bool { permissions.contains(permission) }

    /// The role in a sentence: "a broker", "a link worker".
    public var displayName: String {
        switch self {
        case .broker: "broker"
        case .linkWorker: "link worker"
        case .connector: "connector"
        case .admin: "administrator"
        }
    }

    public init(from decoder: any Decoder) throws {
        self = try Self.decodeNamed(from: decoder, kind: "role", ignoringCase: true)
    }
}
