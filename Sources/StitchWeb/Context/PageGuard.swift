import Foundation
import HTTPTypes
import Hummingbird
import Logging
import StitchApplication

/// The outermost middleware of the pages: answers a ``WebRefusal`` with its page (or, for a
/// visitor not logged in, a redirect to the login), and adds the security headers to every
/// answer.
///
/// The headers forbid scripts, inline styles, frames and forms sent elsewhere
/// (`Content-Security-Policy`), guessing content types, and sending the page's address on.
struct PageGuard: RouterMiddleware {
    typealias Context = WebRequestContext
    let renderer: PageRenderer
    let accounts: AccountService

    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy, "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
        (.xContentTypeOptions, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
    ]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let refusal as WebRefusal {
            response = self.response(for: refusal, context: context)
        }
        for (name, value) in Self.securityHeaders where response.headers[name] == nil { response.headers[name] = value }
        return response
    }

    private func response(for refusal: WebRefusal, context: Context) -> Response {
        let csrf = context.sessions.session?.csrf ?? ""
        switch refusal {
        case .logInFirst(let next):
            let target = next == "/" ? "/login" : "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            return Response(status: .seeOther, headers: [.location: target, .cacheControl: "no-store"])
        case .notAllowed(let account, let page):
            accounts.record(AuditEntry(account: account.name, action: .refused))
            Logger(label: "stitch.web").notice("refused \(page) to account \(account.name) (\(account.role.rawValue))")
            return message(
                title: "Not for your account",
                text: "Your account (\(account.role.displayName)) cannot use this page. Ask an administrator if you need it.",
                account: account, csrf: csrf, status: .forbidden)
        case .badToken:
            return message(
                title: "This form has expired",
                text: "The form was not sent from this session of Stitch, or it was open too long. Go back, reload the page and send it again.",
                account: nil, csrf: csrf, status: .forbidden)
        case .unsupportedForm:
            return message(
                title: "Stitch could not read that form", text: "Send the form from Stitch's own page.", account: nil, csrf: csrf,
                status: .unsupportedMediaType)
        case .tooLarge(let limit):
            return message(
                title: "That is too large",
                text: "A form or file may be at most \(limit / 1024) KB. Split the file into smaller ones and send each.",
                account: nil, csrf: csrf, status: .contentTooLarge)
        }
    }

    private func message(title: String, text: String, account: Account?, csrf: String, status: HTTPResponse.Status) -> Response {
        let view = MessageView(messageTitle: title, messageText: text, messageLink: "/", messageLinkText: "Go to the start page")
        return renderer.page("message", view: view, title: title, account: account, csrf: csrf, path: "", status: status)
    }
}

/// A page with a title, a sentence and a link.
struct MessageView: Sendable {
    var messageTitle: String
    var messageText: String
    var messageLink: String
    var messageLinkText: String
}

/// Reads the fields of every POST to the pages (once, into ``WebRequestContext/form``) and
/// refuses the request unless it carries the session's CSRF token (field `csrf`), compared in
/// constant time. A body over the limit, or not a form, is refused too.
struct FormGate: RouterMiddleware {
    typealias Context = WebRequestContext
    let maximumBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        var context = context
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maximumBodyBytes)
        } catch {
            throw WebRefusal.tooLarge(maximumBodyBytes)
        }
        guard let fields = FormFields(body: Data(buffer: body), contentType: request.headers[.contentType] ?? "") else {
            throw WebRefusal.unsupportedForm
        }
        guard let session = context.sessions.session, session.accepts(token: fields.raw("csrf")) else {
            throw WebRefusal.badToken
        }
        context.form = fields
        return try await next(request, context)
    }
}
