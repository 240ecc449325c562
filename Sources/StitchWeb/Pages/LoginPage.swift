import Foundation
import Hummingbird
import StitchApplication

/// `/login`, `/logout` and the start page `/`: logging in with a name and password
/// (``AccountService/logIn(_:)``), a new session on success, and the links an account may use.
struct LoginPage: Sendable {
    let pages: PageSupport

    struct LoginView: Sendable {
        var loginMessage: String?
        var loginName: String
        var next: String
        var loggedOut: Bool
    }

    struct HomeView: Sendable {
        var accountName: String
        var accountRole: String
        var links: [PageRenderer.NavLink]
        var hasLinks: Bool
    }

    func register(on group: RouterGroup<WebRequestContext>) {
        group.get("/") { request, context -> Response in
            let account = try pages.require(nil, request, context)
            let links = PageRenderer.links(for: account, current: "")
            let role = account.role.displayName
            let article = role.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            let view = HomeView(accountName: account.name, accountRole: "\(article) \(role)", links: links, hasLinks: !links.isEmpty)
            return pages.page("home", view, title: "Start", account: account, context: context, path: "/")
        }
        group.get("/login") { request, context -> Response in
            if context.identity != nil { return Response(status: .seeOther, headers: [.location: "/"]) }
            let next = Self.safeNext(request.uri.queryParameters.get("next"))
            let view = LoginView(loginMessage: nil, loginName: "", next: next, loggedOut: request.uri.queryParameters.get("loggedOut") != nil)
            return pages.page("login", view, title: "Log in", account: nil, context: context, path: "/login")
        }
        group.post("/login") { request, context -> Response in
            let form = context.form
            let next = Self.safeNext(form["next"])
            let params: MethodParams.LogIn
            do {
                params = try MethodParams.decode(
                    MethodParams.LogIn.self,
                    from: ParamsJSON.data(["name": form.raw("name") ?? "", "password": form.raw("password") ?? ""]))
            } catch {
                return refused(AccountService.refusal, name: form["name"], next: next, context: context)
            }
            switch await pages.accounts.logIn(params) {
            case .refused(let message):
                pages.logger.notice("login refused")
                return refused(message, name: form["name"], next: next, context: context)
            case .loggedIn(let account):
                // A new session (new id, new token) for the person logged in; the one before is forgotten.
                if let old = request.cookies[WebPages.cookieName]?.value {
                    try? await pages.sessions.remove(key: "hbs." + String(old))
                }
                context.sessions.createSession(WebSession(account: account.name), expiresIn: WebPages.sessionLifetime)
                pages.logger.info("account \(account.name) logged in")
                return Response(status: .seeOther, headers: [.location: next, .cacheControl: "no-store"])
            }
        }
        group.post("/logout") { _, context -> Response in
            if let account = context.identity {
                pages.accounts.record(AuditEntry(account: account.name, action: .logOut))
                pages.logger.info("account \(account.name) logged out")
            }
            context.sessions.clearSession()
            return Response(status: .seeOther, headers: [.location: "/login?loggedOut=1", .cacheControl: "no-store"])
        }
    }

    /// The login page again with the refusal (status 401), the name kept, the password not.
    private func refused(_ message: String, name: String?, next: String, context: WebRequestContext) -> Response {
        let view = LoginView(loginMessage: message, loginName: name ?? "", next: next, loggedOut: false)
        return pages.page("login", view, title: "Log in", account: nil, context: context, path: "/login", status: .unauthorized)
    }

    /// Where to go after logging in: a path of this site (`/refer`), never another site (`//x`, `https://x`).
    static func safeNext(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\"),
            !raw.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return "/" }
        return raw
    }
}
