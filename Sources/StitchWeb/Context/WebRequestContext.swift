public import Hummingbird
public import HummingbirdAuth
public import StitchApplication

/// The request context of the web pages: the daemon's `BasicRequestContext` (a
/// `ChildRequestContext` of it, so the pages share the router with the API) with the session,
/// the account logged in, and the fields of a form sent.
public struct WebRequestContext: ChildRequestContext, AuthRequestContext, SessionRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The account logged in, set by the session authenticator.
    public var identity: Account?
    public let sessions: SessionContext<WebSession>
    /// The fields of the form a POST sent, read (and its CSRF token checked) by ``FormGate``.
    public var form = FormFields()

    public init(context: BasicRequestContext) {
        self.coreContext = context.coreContext
        self.identity = nil
        self.sessions = SessionContext()
    }

    /// The session's CSRF token, starting a session (not logged in) when there is none.
    public func csrfToken() -> String {
        if let session = sessions.session { return session.csrf }
        let session = WebSession()
        sessions.createSession(session, expiresIn: WebPages.anonymousSessionLifetime)
        return session.csrf
    }
}
