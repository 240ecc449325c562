import NIOCore
import NIOPosix
import StitchServer

/// Where a test client connects.
enum ClientTarget: Sendable, CustomStringConvertible {
    case unix(String)
    case tcp(host: String, port: Int)

    /// Reads a server's listen description (`unix:/path`, `tcp:127.0.0.1:7411`).
    init?(listening text: Substring) {
        if text.hasPrefix("unix:") {
            self = .unix(String(text.dropFirst(5)))
        } else if text.hasPrefix("tcp:"), let colon = text.lastIndex(of: ":"),
            let port = Int(text[text.index(after: colon)...])
        {
            self = .tcp(host: String(text[text.index(text.startIndex, offsetBy: 4)..<colon]), port: port)
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .unix(let path): "unix:\(path)"
        case .tcp(let host, let port): "tcp:\(host):\(port)"
        }
    }
}

/// A small SwiftNIO line client: writes request lines, reads answer lines, as a daemon's user would.
///
/// Used inside ``connect(to:_:)``, which closes the connection afterwards.
struct LineClient {
    private var lines: NIOAsyncChannelInboundStream<LineFrame>.AsyncIterator
    private let writer: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// The underlying channel.
    let channel: any Channel

    /// Connects, runs `body` with the client, and closes.
    static func connect<T: Sendable>(to target: ClientTarget, _ body: (inout LineClient) async throws -> T) async throws
        -> T
    {
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.allowRemoteHalfClosure, value: true)
        let initializer: @Sendable (any Channel) -> EventLoopFuture<NIOAsyncChannel<LineFrame, ByteBuffer>> = {
            channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    ByteToMessageHandler(LineFrameDecoder(maximumLineBytes: 1 << 26)))
                return try NIOAsyncChannel(
                    wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
            }
        }
        let connection: NIOAsyncChannel<LineFrame, ByteBuffer>
        switch target {
        case .unix(let path):
            connection = try await bootstrap.connect(unixDomainSocketPath: path, channelInitializer: initializer)
        case .tcp(let host, let port):
            connection = try await bootstrap.connect(host: host, port: port, channelInitializer: initializer)
        }
        return try await connection.executeThenClose { inbound, outbound in
            var client = LineClient(lines: inbound.makeAsyncIterator(), writer: outbound, channel: connection.channel)
            return try await body(&client)
        }
    }

    /// Sends one line (a newline is added).
    func send(_ line: String) async throws {
        try await self.writer.write(ByteBuffer(string: line + "\n"))
    }

    /// Sends several lines in one write.
    func send(lines: [String]) async throws {
        try await self.writer.write(ByteBuffer(string: lines.map { $0 + "\n" }.joined()))
    }

    /// Sends raw bytes (no newline added).
    func send(bytes: [UInt8]) async throws {
        try await self.writer.write(ByteBuffer(bytes: bytes))
    }

    /// Closes the sending side; the server still answers what it has.
    func finishSending() {
        self.writer.finish()
    }

    /// The next answer line; `nil` once the server has closed the connection.
    mutating func readLine() async throws -> String? {
        while let frame = try await self.lines.next() {
            if case .line(let buffer) = frame { return String(buffer: buffer) }
        }
        return nil
    }

    /// The next answer, parsed; fails the test if the connection closed instead.
    mutating func readResponse() async throws -> JSONValue {
        guard let line = try await self.readLine() else { throw ClientError.closed }
        return try JSONValue.parse(line)
    }

    /// Sends one request and reads its answer.
    mutating func call(_ line: String) async throws -> JSONValue {
        try await self.send(line)
        return try await self.readResponse()
    }

    /// Reads answers until the server closes the connection cleanly (a reset throws).
    mutating func readToEnd() async throws -> [String] {
        var all: [String] = []
        while let line = try await self.readLine() { all.append(line) }
        return all
    }

    enum ClientError: Error { case closed }
}
