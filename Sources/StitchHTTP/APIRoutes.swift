import HTTPTypes
import OpenAPIRuntime

/// The paths of the API and the methods each takes, as the generated server registers them
/// from openapi.yaml: what a request with a method its path does not take is answered with
/// (405, and `Allow` listing the methods it does).
///
/// ```swift
/// let routes = try APIRoutes(StitchAPI(service: service, statistics: statistics))
/// routes.methods(at: "/members/m-1")  // [PUT, DELETE]
/// routes.methods(at: "/nowhere")      // []
/// ```
struct APIRoutes: Sendable {
    /// One path of the contract: its segments (`nil` for a parameter such as `{id}`) and its methods.
    private struct Route: Sendable {
        var segments: [String?]
        var methods: [HTTPRequest.Method]
    }

    private let routes: [Route]

    /// The routes `api` registers, read by registering it on a recorder that serves nothing.
    init(_ api: some APIProtocol) throws {
        let recorder = Recorder()
        try api.registerHandlers(on: recorder)
        var routes: [Route] = []
        for (method, path) in recorder.registered {
            let segments = Self.segments(of: path).map { $0.hasPrefix("{") && $0.hasSuffix("}") ? nil : String($0) }
            if let i = routes.firstIndex(where: { $0.segments == segments }) {
                routes[i].methods.append(method)
            } else {
                routes.append(Route(segments: segments, methods: [method]))
            }
        }
        self.routes = routes
    }

    /// The methods the path takes (relative to the API's root, `/members/m-1`); empty when no
    /// operation has that path.
    func methods(at path: String) -> [HTTPRequest.Method] {
        let parts = Self.segments(of: path)
        let route = routes.first { route in
            route.segments.count == parts.count
                && zip(route.segments, parts).allSatisfy { template, part in
                    template.map { $0 == part } ?? !part.isEmpty
                }
        }
        return route?.methods ?? []
    }

    private static func segments(of path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { $0 }
    }

    /// Takes the generated server's registrations and keeps only their methods and paths.
    private final class Recorder: ServerTransport {
        var registered: [(HTTPRequest.Method, String)] = []

        func register(
            _ handler:
                @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (
                    HTTPResponse, HTTPBody?
                ),
            method: HTTPRequest.Method, path: String
        ) throws {
            registered.append((method, path))
        }
    }
}
