import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a byte stream on `\n` into ``LineFrame``s, never holding more than one line's worth.
///
/// A line longer than `maximumLineBytes` is reported as ``LineFrame/tooLong`` the moment it
/// crosses the limit (so the client hears about it while still sending), and the decoder then
/// discards bytes up to the next newline. If `maximumSkippedBytes` more arrive without one, the
/// line cannot be skipped sensibly: the decoder reports ``LineFrame/abandoned`` once and discards
/// the rest of the stream. A final line without a newline at end of input is still a line.
///
/// ```swift
/// try channel.pipeline.syncOperations.addHandler(
///     ByteToMessageHandler(LineFrameDecoder(maximumLineBytes: 1 << 20)))
/// ```
public struct LineFrameDecoder: ByteToMessageDecoder, Sendable {
    public typealias InboundOut = LineFrame

    /// The longest line passed on, in bytes (without its newline).
    public let maximumLineBytes: Int
    /// How many bytes of an over-long line may be skipped before the stream is abandoned.
    public let maximumSkippedBytes: Int

    private enum State {
        case reading(scanned: Int)
        case skipping(skipped: Int)
        case abandoned
    }

    private var state = State.reading(scanned: 0)

    /// - Parameters:
    ///   - maximumLineBytes: the longest line accepted, in bytes.
    ///   - maximumSkippedBytes: the skip allowance for an over-long line (default: 64 lines' worth).
    public init(maximumLineBytes: Int, maximumSkippedBytes: Int? = nil) {
        precondition(maximumLineBytes > 0, "maximumLineBytes must be positive")
        self.maximumLineBytes = maximumLineBytes
        self.maximumSkippedBytes =
            maximumSkippedBytes ?? maximumLineBytes.multipliedReportingOverflow(by: 64).partialValue
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = self.nextFrame(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        if let frame = self.nextFrame(from: &buffer) {
            context.fireChannelRead(Self.wrapInboundOut(frame))
            return .continue
        }
        // End of input: an unterminated last line is still a line; a skipped tail is dropped.
        if case .reading = self.state, buffer.readableBytes > 0,
            let rest = buffer.readSlice(length: buffer.readableBytes)
        {
            context.fireChannelRead(Self.wrapInboundOut(.line(rest)))
        }
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }

    /// The next frame the buffered bytes make, consuming them; `nil` when more input is needed.
    ///
    /// Pure over its input (no channel), so tests can drive it byte by byte.
    public mutating func nextFrame(from buffer: inout ByteBuffer) -> LineFrame? {
        switch self.state {
        case .abandoned:
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return nil

        case .skipping(let skipped):
            if let newline = Self.firstNewline(in: buffer, from: 0) {
                buffer.moveReaderIndex(forwardBy: newline + 1)
                self.state = .reading(scanned: 0)
                return self.nextFrame(from: &buffer)
            }
            let total = skipped + buffer.readableBytes
            buffer.moveReaderIndex(to: buffer.writerIndex)
            if total > self.maximumSkippedBytes {
                self.state = .abandoned
                return .abandoned
            }
            self.state = .skipping(skipped: total)
            return nil

        case .reading(let scanned):
            if let newline = Self.firstNewline(in: buffer, from: scanned) {
                self.state = .reading(scanned: 0)
                guard newline <= self.maximumLineBytes else {
                    buffer.moveReaderIndex(forwardBy: newline + 1)
                    return .tooLong
                }
                let line = buffer.readSlice(length: newline)!
                buffer.moveReaderIndex(forwardBy: 1)
                return .line(line)
            }
            guard buffer.readableBytes > self.maximumLineBytes else {
                self.state = .reading(scanned: buffer.readableBytes)
                return nil
            }
            self.state = .skipping(skipped: buffer.readableBytes)
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .tooLong
        }
    }

    /// The offset of the first `\n` at or after `start` among the readable bytes.
    private static func firstNewline(in buffer: ByteBuffer, from start: Int) -> Int? {
        buffer.withUnsafeReadableBytes { bytes in
            guard start < bytes.count, let base = bytes.baseAddress else { return nil }
            // memchr: answers are kilobytes long, and a byte loop is slow in debug builds.
            guard let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return nil }
            return base.distance(to: UnsafeRawPointer(found))
        }
    }
}
