import NIOCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Counts a server's open connections as they are accepted, so the one over the limit is
/// refused at once (before any line of it is read), not left hanging.
final class ConnectionGate: Sendable {
    /// The most connections admitted at once.
    let limit: Int
    private let open = Atomic<Int>(0)

    init(limit: Int) { self.limit = max(1, limit) }

    /// Counts a new connection (until `channel` closes); `false` when it is over the limit.
    func admit(_ channel: any Channel) -> Bool {
        let count = self.open.add(1, ordering: .relaxed).newValue
        channel.closeFuture.whenComplete { _ in self.open.subtract(1, ordering: .relaxed) }
        return count <= self.limit
    }

    /// The limit to use: `requested`, but never so many that accepting would run out of file
    /// descriptors (the kernel would then leave new clients hanging in the backlog).
    static func effectiveLimit(_ requested: Int) -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(Int32.max) else {
            return requested
        }
        // Room for the store, the listener, logs and the process's other files.
        let reserve = 64
        return max(1, min(requested, Int(clamping: limit.rlim_cur) - reserve))
    }
}

/// The whole pipeline of a connection over the limit: it writes one JSON-RPC error line, ends
/// its output, discards whatever the client sends, and closes once the client has closed (or
/// after `linger`), so the client reads a clear refusal rather than a reset.
final class RefuseConnectionHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let answer: String
    private let linger: TimeAmount

    init(limit: Int, linger: TimeAmount) {
        self.answer =
            #"{"error":{"code":-32600,"message":"Too many connections: this server serves at most \#(limit) at once; try again later"},"id":null,"jsonrpc":"2.0"}"#
            + "\n"
        self.linger = linger
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        context.writeAndFlush(Self.wrapOutbound(context, ByteBuffer(string: self.answer)), promise: nil)
        context.close(mode: .output, promise: nil)
        context.eventLoop.scheduleTask(in: self.linger) { channel.close(promise: nil) }
        context.read()
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func channelReadComplete(context: ChannelHandlerContext) { context.read() }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) { context.close(promise: nil) }

    private static func wrapOutbound(_ context: ChannelHandlerContext, _ buffer: ByteBuffer) -> NIOAny {
        NIOAny(buffer)
    }
}

/// Closes a connection when ``NIOCore/IdleStateHandler`` reports it idle (no input and no
/// output for the idle timeout): a silent client holds no connection slot for ever.
final class IdleCloseHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}
