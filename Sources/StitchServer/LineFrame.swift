import NIOCore

/// One unit of newline-delimited input, as ``LineFrameDecoder`` cuts it from a byte stream.
///
/// A connection's frames arrive in the order their bytes did, so answering them one at a time
/// answers requests in order. A line over the limit is never buffered: it becomes
/// ``tooLong`` as soon as it crosses the limit, and its remaining bytes are discarded.
public enum LineFrame: Sendable, Equatable {
    /// A complete line, without its `\n`.
    case line(ByteBuffer)
    /// A line crossed the length limit; its bytes up to the next `\n` are being skipped.
    ///
    /// The connection stays usable: the next frame is the line after that newline.
    case tooLong
    /// A line crossed the limit and no newline came within the skip allowance either; the
    /// decoder now discards everything, and the connection should be closed.
    case abandoned
}
