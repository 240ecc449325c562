public import Foundation
public import Hummingbird
public import Logging
import NIOCore
import OpenAPIHummingbird
import OpenAPIRuntime
public import Prometheus
public import ServiceLifecycle
public import StitchApplication

/// Stitch over HTTP: the JSON API generated from openapi.yaml under `/api`, the contract itself
/// at `/openapi.yaml`, the metrics for Prometheus at `/metrics`, and whatever else the daemon mounts on the same router (the web pages).
///
/// Every operation calls the same ``StitchService`` as the JSON-RPC transports and is counted in
/// the same ``RequestStatistics`` (`server.stats`). With a token, every `/api` request must carry
/// `Authorization: Bearer <token>`; without one, the daemon serves loopback only (the caller
/// checks the address, as for TCP).
///
/// ```swift
/// let http = HTTPInterface(service: service, statistics: statistics, token: token)
/// let router = try http.router()
/// let app = http.application(router: router, host: "127.0.0.1", port: 7412, logger: logger)
/// ```
public struct HTTPInterface: Sendable {
    public let service: StitchService
    public let statistics: RequestStatistics
    public let token: String?
    /// The largest body accepted, in bytes; a larger one gets 413.
    public let maximumBodyBytes: Int
    /// The OpenAPI document served at `/openapi.yaml`, when the daemon found it.
    public let openAPIDocument: Data?
    /// The metrics served at `/metrics` for Prometheus, when the daemon keeps them.
    public let metrics: PrometheusCollectorRegistry?

    /// Where the API's operations live.
    public static let apiPath = "/api"
    /// Where Prometheus reads the metrics (guarded by the token as the API is).
    public static let metricsPath = "/metrics"

    public init(
        service: StitchService, statistics: RequestStatistics, token: String?, maximumBodyBytes: Int = 1 << 20,
        openAPIDocument: Data? = nil, metrics: PrometheusCollectorRegistry? = nil
    ) {
        self.metrics = metrics
        self.service = service
        self.statistics = statistics
        self.token = token
        self.maximumBodyBytes = maximumBodyBytes
        self.openAPIDocument = openAPIDocument
    }

    /// The router with the API and the contract; add other routes (the web pages) before
    /// building the application.
    public func router() throws -> Router<BasicRequestContext> {
        let router = Router()
        let operations = StitchAPI(service: service, statistics: statistics)
        let routes = try APIRoutes(operations)
        router.add(middleware: APIGate(token: token, maximumBodyBytes: maximumBodyBytes, routes: routes))
        let api = router.group(RouterPath(Self.apiPath))
        try operations.registerHandlers(on: api, middlewares: [ErrorAndStatisticsMiddleware(statistics: statistics)])
        if let metrics {
            router.get(RouterPath(Self.metricsPath)) { _, _ -> Response in
                Response(
                    status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
            }
        }
        let document = openAPIDocument
        router.get("/openapi.yaml") { _, _ -> Response in
            guard let document else {
                return APIGate.errorResponse(
                    ServiceError(
                        .methodNotFound, "Not found: this installation has no copy of openapi.yaml; it is in the source at docs/openapi.yaml",
                        field: "path", reason: "not installed"))
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
        return router
    }

    /// The HTTP server for `router` at `host:port` (port 0: a free one), a service to run beside
    /// the daemon's others; `onListening` receives the port it listens on, and `services` run
    /// beside the server (the web pages' session store).
    public func application(
        router: Router<BasicRequestContext>, host: String, port: Int, logger: Logger, services: [any Service] = [],
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "Stitch"),
            services: services,
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}

/// Guards `/api`: the bearer token (when the daemon has one), the body's size, and the JSON-RPC
/// error object for what the router itself refuses (an unknown path, a method the path does not
/// take, a body over the limit).
struct APIGate: RouterMiddleware {
    typealias Context = BasicRequestContext
    let token: String?
    let maximumBodyBytes: Int
    /// The API's paths and their methods, for 405 and its `Allow`.
    let routes: APIRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == HTTPInterface.apiPath || path.hasPrefix(HTTPInterface.apiPath + "/") || path == HTTPInterface.metricsPath
        else {
            return try await next(request, context)
        }
        if let token, !Self.carries(request, token: token) {
            var response = Self.errorResponse(Self.unauthorized)
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        var request = request
        do {
            let body = try await request.collectBody(upTo: maximumBodyBytes)
            // Strict JSON, as on every transport: Foundation's reader alone would let a trailing
            // comma or a comment through.
            if body.readableBytes > 0, let problem = JSONDocument.syntaxProblem(in: Data(buffer: body)) {
                return Self.errorResponse(
                    ServiceError(
                        .parseError, "Parse error: not valid JSON at line \(problem.line), column \(problem.column): \(problem.reason)",
                        field: "body", reason: problem.reason))
            }
        } catch {
            return Self.errorResponse(
                ServiceError(
                    .requestTooLarge, "Request too large: the body is over \(maximumBodyBytes) bytes", field: "body",
                    reason: "over \(maximumBodyBytes) bytes"))
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            let allowed = routes.methods(at: String(path.dropFirst(HTTPInterface.apiPath.count)))
            if !allowed.isEmpty { return Self.methodNotAllowed(request.method, path, allowed: allowed) }
            return Self.errorResponse(
                ServiceError(
                    .methodNotFound, "Not found: no operation \(request.method) \(path); see /openapi.yaml", field: "path",
                    reason: "no operation \(request.method) \(path)"))
        } catch {
            return Self.errorResponse(HTTPErrors.serviceError(for: error))
        }
    }

    static let unauthorized = ServiceError(
        .unauthorized, "Unauthorized: missing or wrong token; send Authorization: Bearer <token>", field: "Authorization",
        reason: "missing or wrong token")

    /// Whether the request's `Authorization` header is `Bearer <token>`, compared in constant time.
    static func carries(_ request: Request, token: String) -> Bool {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return false }
        let given = Array(header.utf8.dropFirst(7)), expected = Array(token.utf8)
        var difference = UInt8(given.count == expected.count ? 0 : 1)
        for i in 0..<max(given.count, expected.count) {
            difference |= (i < given.count ? given[i] : 0) ^ (i < expected.count ? expected[i] : 0)
        }
        return difference == 0
    }

    /// 405 for a method the path does not take: `Allow` lists those it does, and the body is the
    /// JSON-RPC error object (-32601, as for a method not found).
    static func methodNotAllowed(
        _ method: HTTPRequest.Method, _ path: String, allowed: [HTTPRequest.Method]
    ) -> Response {
        let list = allowed.map(\.rawValue).joined(separator: ", ")
        let reason = "\(path) takes \(list), not \(method)"
        let error = ServiceError(
            .methodNotFound, "Method not allowed: \(reason); see /openapi.yaml", field: "method", reason: reason)
        var response = errorResponse(error)
        response.status = .methodNotAllowed
        response.headers[.allow] = list
        return response
    }

    static func errorResponse(_ error: ServiceError) -> Response {
        Response(
            status: .init(code: HTTPErrors.status(for: error).code), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: HTTPErrors.body(error))))
    }
}
