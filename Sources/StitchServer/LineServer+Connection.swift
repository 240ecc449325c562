import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import StitchRPC

extension LineServer {
    /// Serves one connection: each line is answered before the next is read, so answers come
    /// back in order; the connection's own backpressure stops reading when it falls behind.
    ///
    /// Nothing a client sends can end the server: every error ends only this connection. On a
    /// graceful shutdown the connection stops taking lines, answers the lines already read, and
    /// closes (see ``ConnectionDrainHandler``).
    func serve(_ connection: Connection) async {
        let id = self.statistics.connectionOpened()
        var logger = self.logger
        logger[metadataKey: "connection"] = "\(id)"
        logger.debug("connection opened")
        let channel = connection.channel
        var tally = Tally()
        do {
            // Cancelled (a shutdown that took too long): close at once, failing a stuck write.
            tally = try await withTaskCancellationHandler {
                try await connection.executeThenClose { inbound in
                    let tally = try await withGracefulShutdownHandler {
                        try await self.answer(inbound, on: channel, logger: logger)
                    } onGracefulShutdown: {
                        channel.triggerUserOutboundEvent(ConnectionDrainHandler.Drain(), promise: nil)
                        // A client that takes none of its answers holds the shutdown up no longer than this.
                        channel.triggerUserOutboundEvent(
                            ConnectionDrainHandler.CloseIfStalled(interval: TimeAmount(self.configuration.drainTimeout)),
                            promise: nil)
                    }
                    await self.closeGracefully(channel)
                    return tally
                }
            } onCancel: {
                channel.close(promise: nil)
            }
        } catch {
            logger.debug("connection ended early: \(String(reflecting: type(of: error)))")
        }
        self.statistics.connectionClosed(lines: tally.lines)
        logger.debug(
            "connection closed",
            metadata: ["lines": "\(tally.lines)", "tooLong": "\(tally.tooLong)", "abandoned": "\(tally.abandoned)"])
    }

    /// What one connection sent, for the log.
    struct Tally {
        var lines = 0
        var tooLong = 0
        var abandoned = false
    }

    /// Reads frames until the client stops, answering each in turn.
    ///
    /// The answers to one batch of lines (one read burst) are written together with one flush,
    /// or sooner once they pass ``flushBytes``; the next batch is taken once the socket has them.
    /// Within a batch, consecutive read-only requests are answered side by side
    /// (``RPCDispatcher/handle(lines:parallelism:)``), their answers still in order.
    private func answer(
        _ inbound: NIOAsyncChannelInboundStream<[LineFrame]>, on channel: any Channel, logger: Logger
    ) async throws -> Tally {
        var tally = Tally()
        var out = channel.allocator.buffer(capacity: 0)
        for try await batch in inbound {
            var lines: [Data] = []
            for frame in batch {
                switch frame {
                case .line(let buffer):
                    if Self.isBlank(buffer) { continue }
                    tally.lines += 1
                    lines.append(Data(buffer.readableBytesView))
                    continue
                case .tooLong, .abandoned:
                    break
                }
                // Answer the lines before this frame first, in order.
                try await self.answer(&lines, into: &out, on: channel)
                if case .tooLong = frame {
                    tally.lines += 1
                    tally.tooLong += 1
                    logger.info(
                        "line over \(self.dispatcher.maximumLineBytes) bytes: answering -32003, skipping to its end")
                    Self.append(self.dispatcher.tooLargeResponse(), to: &out)
                } else {
                    tally.abandoned = true
                    logger.info("over-long line never ended: closing the connection")
                    try await Self.flush(&out, to: channel)
                    return tally
                }
            }
            try await self.answer(&lines, into: &out, on: channel)
            try await Self.flush(&out, to: channel)
        }
        return tally
    }

    /// Answers `lines` (the dispatcher runs consecutive reads side by side) into `out`, in order,
    /// writing early once the answers pass ``flushBytes``; empties `lines`.
    private func answer(_ lines: inout [Data], into out: inout ByteBuffer, on channel: any Channel) async throws {
        guard !lines.isEmpty else { return }
        let answers =
            lines.count == 1
            ? [await self.dispatcher.handle(line: lines[0])] : await self.dispatcher.handle(lines: lines)
        lines.removeAll(keepingCapacity: true)
        // Room for every answer and its newline at once, rather than growing answer by answer.
        let bytes = answers.reduce(0) { $0 + ($1?.count ?? -1) + 1 }
        out.reserveCapacity(minimumWritableBytes: min(bytes, Self.flushBytes))
        for case let response? in answers {
            Self.append(response, to: &out)
            if out.readableBytes >= Self.flushBytes { try await Self.flush(&out, to: channel) }
        }
    }

    /// Answers held back for one write are sent once they reach this many bytes.
    static let flushBytes = 64 * 1024

    /// Appends one answer line.
    private static func append(_ response: Data, to out: inout ByteBuffer) {
        out.writeBytes(response)
        out.writeInteger(UInt8(ascii: "\n"))
    }

    /// Writes the answers held, if any, with one flush, and waits until the socket has taken them.
    private static func flush(_ out: inout ByteBuffer, to channel: any Channel) async throws {
        guard out.readableBytes > 0 else { return }
        let pending = out
        out = channel.allocator.buffer(capacity: 0)
        try await channel.writeAndFlush(pending)
    }

    /// Closes after the last answer without resetting the client: stop reading lines (discarding
    /// any input), send end-of-stream, and wait for the client to close: until it has sent
    /// nothing for the linger time (a client still writing is not cut off mid-write), and at most
    /// four linger times.
    private func closeGracefully(_ channel: any Channel) async {
        channel.triggerUserOutboundEvent(ConnectionDrainHandler.Drain(), promise: nil)
        try? await channel.close(mode: .output)
        let linger = TimeAmount(self.configuration.closeLinger)
        channel.triggerUserOutboundEvent(
            ConnectionDrainHandler.Linger(quiet: linger, atMost: linger * 4), promise: nil)
        try? await channel.closeFuture.get()
    }

    /// A line of only spaces, tabs and carriage returns is skipped without an answer (as on stdio).
    static func isBlank(_ buffer: ByteBuffer) -> Bool {
        buffer.readableBytesView.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
