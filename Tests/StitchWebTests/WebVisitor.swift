import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import StitchApplication
import StitchHTTP
import StitchModel
import StitchStore
import StitchTestSupport
import StitchWeb
import Testing

/// A person at a browser, through Hummingbird's test client: keeps the session cookie and
/// reads each page's CSRF token, as a browser holds them.
struct WebVisitor {
    let client: any TestClientProtocol
    var cookie: String?
    /// The token of the last form seen.
    var token: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var html: String
    }

    mutating func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, body: nil, contentType: nil)
    }

    /// A form sent with the visitor's token, unless `token` says otherwise (`.some(nil)`: none).
    mutating func post(_ path: String, _ fields: [(String, String)], token: String?? = .none) async throws -> Page {
        var all = fields
        let sent = token ?? self.token
        if let sent { all.append(("csrf", sent)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: body, contentType: "application/x-www-form-urlencoded")
    }

    /// A multipart form, as a form with a file sends it.
    mutating func postMultipart(_ path: String, _ fields: [(String, String)], file: (name: String, filename: String, data: String)?) async throws -> Page {
        let boundary = "----stitch-test-boundary"
        var body = ""
        for (name, value) in fields + [("csrf", token ?? "")] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file.data)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await send(path, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    private mutating func send(_ path: String, method: HTTPRequest.Method, body: String?, contentType: String?) async throws -> Page {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = "\(WebPages.cookieName)=\(cookie)" }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { $0 }
        for line in response.headers[values: .setCookie] where line.hasPrefix(WebPages.cookieName + "=") {
            let value = line.dropFirst(WebPages.cookieName.count + 1).prefix { $0 != ";" }
            cookie = value.isEmpty ? nil : String(value)
        }
        let html = String(buffer: response.body)
        if let found = Self.csrf(in: html) { token = found }
        return Page(status: response.status, headers: response.headers, html: html)
    }

    /// Logs in through the form.
    mutating func logIn(_ name: String, _ password: String) async throws -> Page {
        _ = try await get("/login")
        return try await post("/login", [("name", name), ("password", password), ("next", "/")])
    }

    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="csrf" value="[0-9a-f]{64}""#, options: .regularExpression) else { return nil }
        return String(html[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

/// The web pages over the demo community, with a store of their own for accounts and the
/// audit log, and one account of each role (password ``password``).
struct WebFixture {
    static let password = "a long enough password"
    let service: StitchService
    let store: SQLiteCommunityStore
    let accounts: AccountService
    let folder: URL

    static func make() async throws -> WebFixture {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteCommunityStore(path: folder.appendingPathComponent("stitch.sqlite").path)
        let accounts = AccountService(store: store, cost: AccountService.minimumCost)
        for (name, role) in [("bea", AccountRole.broker), ("lin", .linkWorker), ("con", .connector), ("ada", .admin)] {
            _ = try await accounts.add(MethodParams.AddAccount(name: name, role: role, password: password))
        }
        let service = try StitchService(community: try Fixtures.lewisham, taxonomy: try Fixtures.taxonomy)
        return WebFixture(service: service, store: store, accounts: accounts, folder: folder)
    }

    /// Runs `body` against the pages (and the API) in process, as `stitch serve --http` mounts them.
    func withPages(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let interface = HTTPInterface(service: service, statistics: RequestStatistics(), token: nil)
        let router = try interface.router()
        let web = WebPages(service: service, accounts: accounts, secureCookies: true, maximumBodyBytes: 64 * 1024)
        web.mount(on: router)
        let app = interface.application(router: router, host: "127.0.0.1", port: 0, logger: Logger(label: "test"))
        try await app.test(.router) { client in try await body(client) }
    }

    /// Every row of the audit log, every column as text.
    func auditRows() throws -> [[String]] {
        try accounts.audit(limit: 1000).map { entry in
            [entry.account ?? "", entry.action.rawValue, entry.person ?? "", entry.related ?? "", entry.count.map(String.init) ?? ""]
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// The ids in a results page's headings, in order: `<h3>1. Name <span class="id">(a-1)</span></h3>`.
func resultIDs(_ html: String) -> [String] {
    let pattern = #"<h3>\d+\. [^<]*<span class="id">\(([^)]+)\)</span></h3>"#
    let regex = try! NSRegularExpression(pattern: pattern)
    return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap {
        Range($0.range(at: 1), in: html).map { String(html[$0]) }
    }
}

/// The text of an HTML fragment, entities for `'` and `&` read back.
func unescaped(_ html: String) -> String {
    html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
}
