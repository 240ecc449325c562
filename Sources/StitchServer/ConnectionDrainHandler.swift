import NIOCore

/// Ends a connection's stream of lines without resetting the client, for a graceful close.
///
/// It sits between the line decoder and the connection's async stream. On ``Drain`` (an
/// outbound user event, so any thread can send it through the channel) it tells the stream its
/// input has ended (so the server answers the lines it already holds, then stops), and from then
/// on keeps reading from the socket and discards what arrives. Reading on matters: closing a
/// socket with unread bytes makes the kernel reset the connection, and a reset can destroy
/// answers the client has not read yet.
final class ConnectionDrainHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = LineFrame
    typealias InboundOut = LineFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Stop delivering lines; read and discard the rest of the input.
    struct Drain: Sendable {}

    /// Close the channel once the client has sent nothing for `quiet` (it is still finishing a
    /// write, so closing now would reset it), and in any case after `atMost`.
    struct Linger: Sendable {
        var quiet: TimeAmount
        var atMost: TimeAmount
    }

    /// Close the channel if, over a whole `interval`, the client neither took any of the
    /// answers waiting for it nor sent anything: a client that does not read holds a shutdown up
    /// no longer than that. (A server still computing an answer has nothing waiting, and is not
    /// closed.)
    struct CloseIfStalled: Sendable {
        var interval: TimeAmount
    }

    private var draining = false
    private var inputClosed = false
    /// Input discarded since the linger last looked.
    private var discardedSinceCheck = false
    /// Input discarded since the stall check last looked.
    private var discardedSinceStallCheck = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !self.draining else {
            self.discardedSinceCheck = true
            self.discardedSinceStallCheck = true
            return
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.fireChannelReadComplete()
        // The stream no longer asks for reads once it has ended: ask here while draining.
        if self.draining { context.read() }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            if self.inputClosed { return }
            self.inputClosed = true
        }
        context.fireUserInboundEventTriggered(event)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        if let stall = event as? CloseIfStalled {
            promise?.succeed(())
            self.discardedSinceStallCheck = false
            self.scheduleStallCheck(
                context: context, interval: stall.interval, buffered: Self.bufferedBytes(context.channel))
            return
        }
        if let linger = event as? Linger {
            promise?.succeed(())
            self.discardedSinceCheck = false
            self.scheduleLingerCheck(
                context: context, quiet: linger.quiet, until: NIODeadline.now() + linger.atMost)
            return
        }
        guard event is Drain else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        promise?.succeed(())
        guard !self.draining else { return }
        self.draining = true
        if !self.inputClosed {
            self.inputClosed = true
            context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
            context.read()
        }
    }

    /// Every `quiet`: closes when nothing arrived meanwhile or `until` has passed.
    private func scheduleLingerCheck(context: ChannelHandlerContext, quiet: TimeAmount, until: NIODeadline) {
        let channel = context.channel
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: quiet) {
            let (handler, context) = loopBound.value
            guard channel.isActive else { return }
            if !handler.discardedSinceCheck || NIODeadline.now() >= until {
                channel.close(promise: nil)
            } else {
                handler.discardedSinceCheck = false
                handler.scheduleLingerCheck(context: context, quiet: quiet, until: until)
            }
        }
    }

    /// Bytes of answers written but not yet taken by the socket.
    private static func bufferedBytes(_ channel: any Channel) -> Int {
        (try? channel.syncOptions?.getOption(.bufferedWritableBytes)) ?? 0
    }

    /// Every `interval`: closes when answers wait, none was taken since the last look
    /// (`buffered` bytes then), and nothing arrived.
    private func scheduleStallCheck(context: ChannelHandlerContext, interval: TimeAmount, buffered: Int) {
        let channel = context.channel
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: interval) {
            let (handler, context) = loopBound.value
            guard channel.isActive else { return }
            let now = Self.bufferedBytes(channel)
            if now > 0, now == buffered, !handler.discardedSinceStallCheck {
                channel.close(promise: nil)
            } else {
                handler.discardedSinceStallCheck = false
                handler.scheduleStallCheck(context: context, interval: interval, buffered: now)
            }
        }
    }
}
