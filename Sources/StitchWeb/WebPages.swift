public import Hummingbird
import HummingbirdAuth
import Logging
public import ServiceLifecycle
public import StitchApplication

/// Stitch's web pages, mounted at `/` on the daemon's HTTP router beside the API: a link
/// worker's referral (`/refer`), a broker's "who can help?" (`/help`), a connector's network
/// overview (`/network`) and planning session (`/plan`), behind a login (`/login`).
///
/// Each page is an adapter over the application layer, as the API is: a form's fields are
/// turned into the use case's params as JSON, read by `MethodParams.decode(_:from:)` and
/// answered by the same ``StitchService`` method; an error is shown beside the field its path
/// names. Accounts, logging in and the audit log are ``AccountService``'s.
///
/// Sessions live in the daemon's memory behind a cookie that is `Secure`, `HttpOnly` and
/// `SameSite=Strict`; every form carries the session's CSRF token, checked on every POST.
///
/// ```swift
/// let router = try http.router()
/// let web = WebPages(service: service, accounts: AccountService(store: store))
/// web.mount(on: router)
/// let app = http.application(router: router, host: host, port: port, logger: logger, services: web.services)
/// ```
public struct WebPages: Sendable {
    /// How long a session lasts once logged in (a working day).
    public static let sessionLifetime: Duration = .seconds(8 * 60 * 60)
    /// How long a session before logging in lasts (the login form's CSRF token).
    public static let anonymousSessionLifetime: Duration = .seconds(30 * 60)
    /// The session cookie's name.
    public static let cookieName = "stitch_session"

    public let service: StitchService
    public let accounts: AccountService
    /// Whether the session cookie is `Secure` (sent over HTTPS, or to a loopback address).
    public let secureCookies: Bool
    /// The largest form accepted, in bytes.
    public let maximumBodyBytes: Int
    let sessions = MemoryPersistDriver()
    let renderer = PageRenderer()

    public init(service: StitchService, accounts: AccountService, secureCookies: Bool = true, maximumBodyBytes: Int = 1 << 20) {
        self.service = service
        self.accounts = accounts
        self.secureCookies = secureCookies
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// What to run beside the server: the session store, which forgets expired sessions.
    public var services: [any Service] { [sessions] }

    /// Adds the pages and the stylesheet to `router` (before the application is built).
    public func mount(on router: Router<BasicRequestContext>) {
        router.get(RouterPath(Stylesheet.path)) { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css)))
        }
        let accounts = self.accounts
        let group = router.group("", context: WebRequestContext.self)
        group.add(middleware: PageGuard(renderer: renderer, accounts: accounts))
        group.add(
            middleware: SessionMiddleware<WebRequestContext>(
                storage: sessions,
                configuration: .init(
                    sessionCookieParameters: .init(name: Self.cookieName, path: "/", secure: secureCookies, sameSite: .strict),
                    defaultSessionExpiration: Self.sessionLifetime)))
        group.add(
            middleware: SessionAuthenticator(context: WebRequestContext.self) { (session: WebSession, _) -> Account? in
                guard let name = session.account else { return nil }
                return try accounts.account(named: name)
            })
        group.add(middleware: FormGate(maximumBodyBytes: maximumBodyBytes))
        let pages = PageSupport(service: service, accounts: accounts, renderer: renderer, sessions: sessions)
        LoginPage(pages: pages).register(on: group)
        ReferPage(pages: pages).register(on: group)
        HelpPage(pages: pages).register(on: group)
        NetworkPage(pages: pages).register(on: group)
        PlanPage(pages: pages).register(on: group)
    }
}

/// What every page uses: the use cases, the renderer, the session store and the log.
struct PageSupport: Sendable {
    let service: StitchService
    let accounts: AccountService
    let renderer: PageRenderer
    let sessions: MemoryPersistDriver<ContinuousClock>
    let logger = Logger(label: "stitch.web")

    /// The account logged in with `permission`, or the refusal (log in first, or not for this role).
    func require(_ permission: AccountRole.Permission?, _ request: Request, _ context: WebRequestContext) throws -> Account {
        guard let account = context.identity else { throw WebRefusal.logInFirst(next: request.uri.path) }
        if let permission, !account.role.may(permission) { throw WebRefusal.notAllowed(account, page: request.uri.path) }
        return account
    }

    /// A page inside the layout.
    func page(
        _ template: String, _ view: Any, title: String, account: Account?, context: WebRequestContext, path: String,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        renderer.page(template, view: view, title: title, account: account, csrf: context.csrfToken(), path: path, status: status)
    }
}
