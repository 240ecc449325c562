import Foundation
import Hummingbird
import Mustache
import StitchApplication

/// Renders a page: its own template with its view, inside the layout with the navigation of
/// the account logged in.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let shared: [(String, String)] = [
            ("layout", LayoutTemplates.layout), ("errorSummary", LayoutTemplates.errorSummary), ("field", LayoutTemplates.field),
            ("textArea", LayoutTemplates.textArea), ("checkboxes", LayoutTemplates.checkboxes), ("bar", LayoutTemplates.bar),
            ("factors", LayoutTemplates.factors), ("excluded", LayoutTemplates.excluded),
            ("oneToOne", LayoutTemplates.oneToOne),
        ]
        let pages: [(String, String)] = [
            ("home", PageTemplates.home), ("login", PageTemplates.login), ("message", PageTemplates.message),
            ("refer", PageTemplates.refer), ("help", PageTemplates.help), ("exchange", PageTemplates.exchange),
            ("network", PageTemplates.network), ("plan", PageTemplates.plan),
        ]
        // A page's view is rendered inside a scope holding the session's CSRF token, which every
        // form of the page finds by climbing Mustache's context stack.
        let templates = shared + pages.map { ($0.0, "{{#page}}" + $0.1 + "{{/page}}") }
        for (name, text) in templates {
            // The templates are constants of this module: one that does not parse is a bug.
            do { try library.register(text, named: name) } catch { preconditionFailure("template \(name) does not parse: \(error)") }
        }
        self.library = library
    }

    /// The layout's view: title, the account and its navigation, the CSRF token and the body.
    struct Layout {
        var title: String
        var signedIn: Bool
        var accountName: String
        var accountRole: String
        var nav: [NavLink]
        var csrf: String
        var body: String
    }

    /// A page of the navigation.
    struct NavLink {
        var href: String
        var label: String
        var description: String
        var current: Bool
    }

    /// The pages an account may use, in the order the navigation lists them.
    static func links(for account: Account?, current: String) -> [NavLink] {
        guard let account else { return [] }
        let all: [(String, String, String, AccountRole.Permission)] = [
            ("/refer", "Refer someone", "Activities for a person referred by their GP, each with a buddy to go along.", .refer),
            ("/help", "Who can help?", "Members who could help with a request, and recording the exchange agreed.", .whoCanHelp),
            ("/network", "Network", "Communities, brokers and the members with no ties yet.", .network),
            ("/plan", "Plan a session", "Place many referrals at once in activities with few places.", .plan),
        ]
        return all.filter { account.role.may($0.3) }.map { NavLink(href: $0.0, label: $0.1, description: $0.2, current: $0.0 == current) }
    }

    /// What a page's template is rendered with: its view, and the token its forms carry.
    struct PageScope {
        var csrf: String
        var page: Any
    }

    /// The whole page as a response.
    func page(
        _ template: String, view: Any, title: String, account: Account?, csrf: String, path: String,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        let body = library.render(PageScope(csrf: csrf, page: view), withTemplate: template) ?? ""
        let layout = Layout(
            title: title, signedIn: account != nil, accountName: account?.name ?? "", accountRole: account?.role.displayName ?? "",
            nav: Self.links(for: account, current: path), csrf: csrf, body: body)
        let html = library.render(layout, withTemplate: "layout") ?? ""
        return Self.html(html, status: status)
    }

    /// An HTML response that no cache keeps (pages hold personal data).
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
