import Foundation
import Logging
import MCP

/// A transport that passes another's messages both ways and, once the other's input ends, ends
/// its own only when every request read has been answered (or cancelled).
///
/// The SDK's server answers each request in a task of its own and stops when its input ends, so
/// a client that writes its requests and closes its end (`… | stitch mcp`) would otherwise lose
/// the answers still being worked on. After ``drainLimit`` the input ends anyway, with a log line.
actor AnsweringTransport: Transport {
    nonisolated let logger: Logger
    private let inner: any Transport
    private let drainLimit: Duration
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    /// The ids of the requests read and not yet answered.
    private var unanswered: Set<ID> = []
    private var inputEnded = false
    private var forwarding: Task<Void, Never>?

    init(_ inner: any Transport, logger: Logger, drainLimit: Duration = .seconds(120)) {
        self.inner = inner
        self.logger = logger
        self.drainLimit = drainLimit
        (stream, continuation) = AsyncThrowingStream.makeStream()
    }

    func connect() async throws {
        try await inner.connect()
        let messages = await inner.receive()
        forwarding = Task { await self.forward(messages) }
    }

    func disconnect() async {
        forwarding?.cancel()
        await inner.disconnect()
        continuation.finish()
    }

    func send(_ data: Data) async throws {
        // Counted as answered even when the write fails: the client is gone, nothing will be.
        defer { noteSent(data) }
        try await inner.send(data)
    }

    func receive() -> AsyncThrowingStream<Data, any Error> { stream }

    /// Hands on every message read, noting the requests, until the input ends.
    private func forward(_ messages: AsyncThrowingStream<Data, any Error>) async {
        do {
            for try await data in messages {
                for envelope in Envelope.read(data) {
                    if let id = envelope.id, envelope.method != nil { unanswered.insert(id) }
                    if envelope.method == CancelledNotification.name, let id = envelope.cancelled {
                        unanswered.remove(id)
                    }
                }
                continuation.yield(data)
            }
        } catch {
            logger.error("reading the input failed: \(error)")
        }
        inputEnded = true
        finishWhenAnswered()
        guard !unanswered.isEmpty else { return }
        try? await Task.sleep(for: drainLimit)
        if !unanswered.isEmpty {
            logger.warning("stopping with \(unanswered.count) requests unanswered after the input ended")
            continuation.finish()
        }
    }

    private func noteSent(_ data: Data) {
        for envelope in Envelope.read(data) where envelope.method == nil {
            if let id = envelope.id { unanswered.remove(id) }
        }
        finishWhenAnswered()
    }

    private func finishWhenAnswered() {
        if inputEnded, unanswered.isEmpty { continuation.finish() }
    }
}

/// The parts of a JSON-RPC message that say whether it is a request or an answer, and for which id.
private struct Envelope: Decodable {
    var id: ID?
    var method: String?
    var params: Value?

    /// The request a `notifications/cancelled` cancels.
    var cancelled: ID? {
        switch params?.objectValue?["requestId"] {
        case .string(let id): .string(id)
        case .int(let id): .number(id)
        default: nil
        }
    }

    /// The messages in a line: one, or each of a batch; none when it is not JSON-RPC.
    static func read(_ data: Data) -> [Envelope] {
        let decoder = JSONDecoder()
        if let one = try? decoder.decode(Envelope.self, from: data) { return [one] }
        guard let batch = try? decoder.decode([Lenient].self, from: data) else { return [] }
        return batch.compactMap(\.envelope)
    }

    /// A batch element that is not a message is skipped, not the batch.
    private struct Lenient: Decodable {
        var envelope: Envelope?
        init(from decoder: any Decoder) throws { envelope = try? Envelope(from: decoder) }
    }
}
