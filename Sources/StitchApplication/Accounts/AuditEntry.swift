public import Foundation

/// One line of the audit log: who (an account), did what (a page or an action), about which
/// person (a member's id), when, and how many results.
///
/// It holds no personal data beyond ids: never a name, a reason for referral, a need, a health
/// detail or a password. Its fields are typed so that none can carry free text: the action is
/// one of ``Action``, the person and the related member are ids, the count a number.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What was done.
    public enum Action: String, CaseIterable, Sendable, Hashable, Codable {
        case logIn = "login"
        /// A refused login: wrong password, unknown name (then without an account) or locked out.
        case logInRefused = "login.refused"
        case logOut = "logout"
        /// A referral asked (`refer.activities`); `person` is the member referred (none for a new person).
        case refer
        /// A "who can help?" asked (`match.helpers`); `person` is the requester.
        case whoCanHelp = "who-can-help"
        /// An exchange recorded (`exchange.record`); `person` the receiver, `related` the giver.
        case recordExchange = "exchange.record"
        /// The network overview looked at (`network.analyse`).
        case network
        /// A planning session run (`plan.allocate`); `count` is the number of referrals.
        case plan
        /// A page refused for the account's role.
        case refused
    }

    /// The entry's number, in the order written (`nil` before it is stored).
    public var seq: Int64?
    public var at: Date
    /// The account's name; `nil` for a refused login under a name that is no account.
    public var account: String?
    public var action: Action
    /// The member the action was about, by id.
    public var person: String?
    /// Another member involved (a giver, a helper), by id.
    public var related: String?
    /// How many results, referrals or records.
    public var count: Int?

    public init(
        seq: Int64? = nil, at: Date = Date(), account: String?, action: Action, person: String? = nil,
        related: String? = nil, count: Int? = nil
    ) {
        self.seq = seq
        self.at = at
        self.account = account
        self.action = action
        self.person = person
        self.related = related
        self.count = count
    }
}
