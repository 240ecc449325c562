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
    private func answer(
        _ inbound: NIOAsyncChannelInboundStream<LineFrame>, on channel: any Channel, logger: Logger
    ) async throws -> Tally {
        var tally = Tally()
        for try await frame in inbound {
            switch frame {
            case .line(let buffer):
                if Self.isBlank(buffer) { continue }
                tally.lines += 1
                if let response = await self.dispatcher.handle(line: Data(buffer.readableBytesView)) {
                    try await Self.write(response, to: channel)
                }
            case .tooLong:
                tally.lines += 1
                tally.tooLong += 1
                logger.info(
                    "line over \(self.dispatcher.maximumLineBytes) bytes: answering -32003, skipping to its end")
                try await Self.write(self.dispatcher.tooLargeResponse(), to: channel)
            case .abandoned:
                tally.abandoned = true
                logger.info("over-long line never ended: closing the connection")
                return tally
            }
        }
        return tally
    }

    /// Closes after the last answer without resetting the client: stop reading lines (discarding
    /// any input), send end-of-stream, and wait up to the linger time for the client to close.
    private func closeGracefully(_ channel: any Channel) async {
        channel.triggerUserOutboundEvent(ConnectionDrainHandler.Drain(), promise: nil)
        try? await channel.close(mode: .output)
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(self.configuration.closeLinger)) {
            channel.close(promise: nil)
        }
        try? await channel.closeFuture.get()
        deadline.cancel()
    }

    /// Writes one answer line and waits until the socket has taken it.
    private static func write(_ response: Data, to channel: any Channel) async throws {
        var buffer = channel.allocator.buffer(capacity: response.count + 1)
        buffer.writeBytes(response)
        buffer.writeInteger(UInt8(ascii: "\n"))
        try await channel.writeAndFlush(buffer)
    }

    /// A line of only spaces, tabs and carriage returns is skipped without an answer (as on stdio).
    static func isBlank(_ buffer: ByteBuffer) -> Bool {
        buffer.readableBytesView.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
