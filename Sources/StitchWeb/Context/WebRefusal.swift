import StitchApplication

/// Why a page was not served: the visitor must log in first, their role does not allow the
/// page, or a form came without this session's CSRF token, in a form the pages do not send, or
/// too large. ``PageGuard`` turns each into its page.
enum WebRefusal: Error, Sendable {
    case logInFirst(next: String)
    case notAllowed(Account, page: String)
    case badToken
    case unsupportedForm
    case tooLarge(Int)
}
