import Foundation
import Logging
import ServiceLifecycle
import StitchApplication
import StitchGenerator
import StitchModel
import StitchRPC
import StitchServer
import StitchTestSupport

/// Runs a ``LineServer`` in process over `ScenarioCast.community`, as the daemon would.
enum TestServers {
    /// A logger that drops everything (the tests check logs through the real binary).
    static let quiet = Logger(label: "stitch.test") { _ in SwiftLogNoOpLogHandler() }

    /// A dispatcher over the scenario cast and the bundled taxonomy.
    static func dispatcher(token: String? = nil, maximumLineBytes: Int = 64 * 1024) throws -> RPCDispatcher {
        let service = try StitchService(community: ScenarioCast.community, taxonomy: Fixtures.taxonomy)
        return RPCDispatcher(service: service, token: token, maximumLineBytes: maximumLineBytes)
    }

    /// A fresh, short socket path in a fresh temporary folder (socket paths are limited to ~100 bytes).
    static func socketPath() throws -> String {
        let folder = "/tmp/stitch-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/stitch.sock"
    }

    /// Where a client reaches `server`.
    static func target(of server: LineServer) -> ClientTarget {
        ClientTarget(listening: Substring(server.listenDescription))!
    }

    /// Binds `endpoint`, serves it in a `ServiceGroup` while `body` runs, then shuts the group
    /// down gracefully, waits for it to finish, and removes a socket's folder (from ``socketPath()``).
    static func withServer<T: Sendable>(
        _ endpoint: LineServer.Endpoint,
        dispatcher: RPCDispatcher,
        configuration: LineServer.Configuration = LineServer.Configuration(allowsLoopbackWithoutToken: true),
        gracefulShutdownTimeout: Duration? = nil,
        _ body: (LineServer, ClientTarget, ServiceGroup) async throws -> T
    ) async throws -> T {
        let server = try await LineServer.bind(
            endpoint, dispatcher: dispatcher, configuration: configuration, logger: quiet)
        var groupConfiguration = ServiceGroupConfiguration(services: [server], logger: quiet)
        groupConfiguration.maximumGracefulShutdownDuration = gracefulShutdownTimeout
        let group = ServiceGroup(configuration: groupConfiguration)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let result: Result<T, any Error>
            do {
                result = .success(try await body(server, target(of: server), group))
            } catch {
                result = .failure(error)
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            if case .unixSocket(let path) = endpoint {
                try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
            }
            return try result.get()
        }
    }
}
