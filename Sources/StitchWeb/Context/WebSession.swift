import Foundation

/// What a session of the web pages keeps (in the daemon's memory, behind the session cookie):
/// the account logged in, if any, and the session's CSRF token, which every form carries.
///
/// A session starts before logging in (the login form needs its token too) and is replaced by
/// a new one, with a new id and a new token, when its person logs in.
public struct WebSession: Codable, Sendable, Hashable {
    /// The account's name once logged in.
    public var account: String?
    /// The token every form of this session sends back (`csrf`), 32 random bytes as hex.
    public var csrf: String

    public init(account: String? = nil, csrf: String = WebSession.newToken()) {
        self.account = account
        self.csrf = csrf
    }

    /// 32 random bytes from the system's generator, as 64 hex digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// Whether `given` is this session's token, compared in constant time.
    public func accepts(token given: String?) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8), b = Array(csrf.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<max(a.count, b.count) {
            difference |= (i < a.count ? a[i] : 0) ^ (i < b.count ? b[i] : 0)
        }
        return difference == 0
    }
}
