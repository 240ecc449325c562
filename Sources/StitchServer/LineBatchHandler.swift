import NIOCore

/// Groups the lines of one read burst into one array, so the server can answer them all and
/// write the answers with a single flush.
///
/// A burst ends at `channelReadComplete`; a batch is also cut at `maximumLines`, so a connection
/// never holds more than that many lines in one element. Anything else that comes up the
/// pipeline (end of input, an error, the channel closing) first sends on the lines held.
final class LineBatchHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = LineFrame
    typealias InboundOut = [LineFrame]

    private let maximumLines: Int
    private var batch: [LineFrame] = []

    init(maximumLines: Int) {
        self.maximumLines = max(1, maximumLines)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.batch.append(Self.unwrapInboundIn(data))
        if self.batch.count >= self.maximumLines { self.forward(context: context) }
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
        self.batch.reserveCapacity(lines.count)
        context.fireChannelRead(Self.wrapInboundOut(lines))
    }
}
