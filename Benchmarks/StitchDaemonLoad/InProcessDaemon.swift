import Foundation
import Logging
import ServiceLifecycle
import StitchApplication
import StitchEngine
import StitchModel
import StitchRPC
import StitchServer

/// `stitch serve --socket` in this process: a ``LineServer`` on a Unix socket in a fresh
/// temporary folder, over an in-memory service (no database), with logging off.
public final class InProcessDaemon: Sendable {
    /// Where clients connect.
    public let socketPath: String
    /// The engine the service started with (for building request mixes).
    public let engine: Engine
    /// The server's dispatcher, to time requests without the socket.
    public let dispatcher: RPCDispatcher
    private let folder: String
    private let group: ServiceGroup
    private let running: Task<Void, any Error>

    private init(
        socketPath: String, folder: String, engine: Engine, dispatcher: RPCDispatcher, group: ServiceGroup,
        running: Task<Void, any Error>
    ) {
        self.socketPath = socketPath
        self.dispatcher = dispatcher
        self.folder = folder
        self.engine = engine
        self.group = group
        self.running = running
    }

    /// Builds the service over `community` and starts serving; returns once the socket listens.
    public static func start(community: Community, taxonomy: SkillTaxonomy) async throws -> InProcessDaemon {
        let service = try StitchService(community: community, taxonomy: taxonomy)
        let dispatcher = RPCDispatcher(service: service)
        let folder = "/tmp/stitch-load-\(UUID().uuidString.prefix(8).lowercased())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/stitch.sock"
        let quiet = Logger(label: "stitch.load") { _ in SwiftLogNoOpLogHandler() }
        let server = try await LineServer.bind(.unixSocket(path: path), dispatcher: dispatcher, logger: quiet)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [server], logger: quiet))
        let running = Task { try await group.run() }
        // The server accepts once it runs: wait until a connection goes through.
        var attempts = 0
        while (try? DaemonLoadClient(socketPath: path)) == nil {
            attempts += 1
            if attempts > 500 { throw DaemonLoadClient.Failure(description: "the server never listened at \(path)") }
            try await Task.sleep(for: .milliseconds(10))
        }
        return InProcessDaemon(
            socketPath: path, folder: folder, engine: await service.currentEngine, dispatcher: dispatcher, group: group,
            running: running)
    }

    /// Shuts the server down gracefully and removes its folder (close the clients first).
    public func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        try? FileManager.default.removeItem(atPath: folder)
    }
}
