import NIOCore

/// Groups the lines of one read burst into one array, so the server can answer them all and
/// write the answers with a single flush.
///
/// A burst ends at `channelReadComplete`; a batch is also cut at `maximumLines` or once its
/// lines pass `maximumBytes`, so a connection never holds more than that in one element. Anything else that comes up the
/// pipeline (end of input, an error, the channel closing) first sends on the lines held.
final class LineBatchHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = LineFrame
    typealias InboundOut = [LineFrame]

    private let maximumLines: Int
    private let maximumBytes: Int
    private var batch: [LineFrame] = []
    private var bytes = 0

    init(maximumLines: Int, maximumBytes: Int = .max) {
        self.maximumLines = max(1, maximumLines)
        self.maximumBytes = max(1, maximumBytes)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        if case .line(let buffer) = frame { self.bytes += buffer.readableBytes }
        self.batch.append(frame)
        if self.batch.count >= self.maximumLines || self.bytes >= self.maximumBytes { self.forward(context: context) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.forward(context: context)
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        self.forward(context: context)
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.forward(context: context)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.forward(context: context)
        context.fireChannelInactive()
    }

    private func forward(context: ChannelHandlerContext) {
        guard !self.batch.isEmpty else { return }
        let lines = self.batch
        self.batch = []
        self.bytes = 0
        self.batch.reserveCapacity(lines.count)
        context.fireChannelRead(Self.wrapInboundOut(lines))
    }
}
