import NIOCore
import StitchServer
import Testing

@Suite("Splitting a byte stream into lines")
struct LineFrameDecoderTests {
    /// Feeds `chunks` one at a time; returns the frames as text ("!" for too long, "#" for abandoned).
    func frames(_ chunks: [String], limit: Int = 8, skip: Int? = nil, end: Bool = false) -> [String] {
        var decoder = LineFrameDecoder(maximumLineBytes: limit, maximumSkippedBytes: skip)
        var buffer = ByteBuffer()
        var out: [String] = []
        func drain() {
            while let frame = decoder.nextFrame(from: &buffer) {
                switch frame {
                case .line(let line): out.append(String(buffer: line))
                case .tooLong: out.append("!")
                case .abandoned: out.append("#")
                }
            }
        }
        for chunk in chunks {
            buffer.writeString(chunk)
            drain()
            buffer.discardReadBytes()
        }
        if end, buffer.readableBytes > 0 { out.append("(\(buffer.readableBytes) left)") }
        return out
    }

    @Test func splitsOnNewlinesAcrossChunks() {
        #expect(frames(["ab\ncd", "e\n\nf", "g\n"]) == ["ab", "cde", "", "fg"])
        #expect(frames(["a", "b", "c", "\n"]) == ["abc"])
        #expect(frames(["12345678\n"]) == ["12345678"], "a line of exactly the limit is accepted")
    }

    @Test func anOverLongLineIsReportedAtOnceAndSkippedToItsNewline() {
        #expect(frames(["123456789\nok\n"]) == ["!", "ok"])
        #expect(
            frames(["12345", "6789", "0123", "45\nok\n"]) == ["!", "ok"],
            "reported once, as soon as it crosses the limit")
        #expect(frames(["123456789abc", "def", "\nok\n", "also\n"]) == ["!", "ok", "also"])
    }

    @Test func aLineThatNeverEndsIsAbandoned() {
        #expect(frames(["123456789", "0123456789", "0123456789", "more\nignored\n"], skip: 20) == ["!", "#"])
    }

    @Test func theSkipAllowanceDefaultsToSixtyFourLines() {
        let decoder = LineFrameDecoder(maximumLineBytes: 1000)
        #expect(decoder.maximumSkippedBytes == 64_000)
    }
}
