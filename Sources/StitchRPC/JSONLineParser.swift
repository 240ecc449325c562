import Foundation
import StitchJSON

/// Reads a request line's JSON straight from its bytes, in one pass, into a ``JSONTree``, and
/// notes where each request's `params` value and numeric `id` lie, so that typed params can be
/// decoded from those bytes and an id written back exactly as it was sent.
///
/// The only judge of what the daemon accepts as JSON: RFC 8259's grammar and nothing more. UTF-8
/// only (invalid UTF-8, UTF-16 and a byte-order mark are refused), no trailing commas, no
/// comments, no `NaN`, no leading zeros, no lone surrogate escapes, numbers that fit a `Double`,
/// at most ``maximumDepth`` levels. A refusal says why, in plain words, and where (a byte offset).
///
/// The work is linear in the line's length, and a batch stops being read as soon as it holds
/// more requests than allowed: its remaining bytes are not parsed at all.
struct JSONLineParser {
    /// One request of a line: its JSON, the byte range of its `params` value if it has one, and
    /// the byte range of its `id` when that is a number.
    struct Request {
        var tree: JSONTree
        var params: Range<Int>?
        var numericID: Range<Int>? = nil
    }

    /// A line as read: one value, or a batch (a top-level array) of values.
    enum Line {
        case single(Request)
        case batch([Request])
    }

    /// Why a line was refused.
    enum Refused: Error, Equatable {
        /// Not JSON: the reason in plain words and the offset of the first offending byte.
        case notJSON(reason: String, offset: Int)
        /// A batch of more requests than allowed (reading stopped there).
        case batchTooLarge(limit: Int)

        /// The reason, for an error message.
        var reason: String {
            switch self {
            case .notJSON(let reason, let offset): "\(reason) (at byte \(offset))"
            case .batchTooLarge(let limit): "a batch may hold at most \(limit) requests"
            }
        }
    }

    static let maximumDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Set when the object at request level has a `params` member.
    private var paramsRange: Range<Int>?
    /// Set when the object at request level has a numeric `id` member.
    private var idRange: Range<Int>?

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Parses a whole line (surrounding whitespace allowed).
    ///
    /// - Parameter maximumBatch: the most requests a batch may hold; one more stops the reading.
    static func parse(_ bytes: UnsafeRawBufferPointer, maximumBatch: Int = .max) throws(Refused) -> Line {
        if let encoding = Self.wrongEncoding(bytes) { throw .notJSON(reason: encoding.reason, offset: encoding.offset) }
        var parser = JSONLineParser(bytes)
        parser.skipWhitespace()
        let line: Line
        if parser.peek() == UInt8(ascii: "[") {
            parser.position += 1
            var items: [Request] = []
            parser.skipWhitespace()
            if parser.peek() == UInt8(ascii: "]") {
                parser.position += 1
            } else {
                while true {
                    guard items.count < maximumBatch else { throw .batchTooLarge(limit: maximumBatch) }
                    parser.paramsRange = nil
                    parser.idRange = nil
                    let tree = try parser.value(depth: 1, requestDepth: 1)
                    items.append(Request(tree: tree, params: parser.paramsRange, numericID: parser.idRange))
                    parser.skipWhitespace()
                    if try parser.separator(closing: UInt8(ascii: "]")) { break }
                }
            }
            line = .batch(items)
        } else {
            let tree = try parser.value(depth: 0, requestDepth: 0)
            line = .single(Request(tree: tree, params: parser.paramsRange, numericID: parser.idRange))
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else {
            throw parser.refused("unexpected text after the JSON value")
        }
        return line
    }

    /// A byte-order mark, UTF-16 or invalid UTF-8, checked before anything else so the refusal
    /// names the real problem. Linear: a `memchr` for NUL, and UTF-8 validation only when a
    /// byte over 0x7F is present.
    private static func wrongEncoding(_ bytes: UnsafeRawBufferPointer) -> (reason: String, offset: Int)? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return ("a UTF-16 byte-order mark: send UTF-8 text", 0)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return ("a byte-order mark (U+FEFF) is not allowed: send UTF-8 without one", 0)
        }
        if let nul = memchr(base, 0, bytes.count) {
            return ("a NUL byte (UTF-16 text?): send UTF-8 text", base.distance(to: UnsafeRawPointer(nul)))
        }
        return nil
    }

    /// The offset of the first byte that is not valid UTF-8, if any.
    private static func invalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let units = bytes.assumingMemoryBound(to: UInt8.self)
        var iterator = units.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private func refused(_ reason: String, at offset: Int? = nil) -> Refused {
        .notJSON(reason: reason, offset: offset ?? position)
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// After a member or an element: `true` at the closing bracket, `false` after a comma
    /// (refusing a comma followed by the closing bracket).
    private mutating func separator(closing: UInt8) throws(Refused) -> Bool {
        guard let next = peek() else {
            throw refused("the line ends inside an \(closing == UInt8(ascii: "]") ? "array" : "object")")
        }
        position += 1
        if next == closing { return true }
        guard next == UInt8(ascii: ",") else {
            throw refused("expected ',' or '\(Character(Unicode.Scalar(closing)))'", at: position - 1)
        }
        let comma = position - 1
        skipWhitespace()
        if peek() == closing {
            throw refused("a trailing comma before '\(Character(Unicode.Scalar(closing)))'", at: comma)
        }
        return false
    }

    private mutating func expect(_ word: StaticString) throws(Refused) {
        let count = word.utf8CodeUnitCount
        let start = position
        guard bytes.count - position >= count else { throw refused("an unknown word (expected \(word))", at: start) }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] {
            throw refused("an unknown word (expected \(word))", at: start)
        }
        position += count
    }

    /// A value; `requestDepth` is the depth of the objects whose `params` and `id` are noted.
    private mutating func value(depth: Int, requestDepth: Int) throws(Refused) -> JSONTree {
        guard depth < Self.maximumDepth else { throw refused("nested deeper than \(Self.maximumDepth) levels") }
        skipWhitespace()
        guard let first = peek() else { throw refused("the line ends where a value was expected") }
        switch first {
        case UInt8(ascii: "{"):
            position += 1
            var fields: [String: JSONTree] = [:]
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return .object(fields)
            }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw refused("expected a member name in double quotes") }
                position += 1
                let key = try string()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw refused("expected ':' after a member name") }
                position += 1
                skipWhitespace()
                let start = position
                let member = try value(depth: depth + 1, requestDepth: requestDepth)
                // A repeated key keeps its first value, as Foundation's reader does.
                if fields[key] == nil {
                    if depth == requestDepth {
                        if key == "params" { paramsRange = start..<position }
                        if key == "id", case .number = member { idRange = start..<position }
                    }
                    fields[key] = member
                }
                skipWhitespace()
                if try separator(closing: UInt8(ascii: "}")) { return .object(fields) }
            }
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONTree] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1, requestDepth: requestDepth))
                skipWhitespace()
                if try separator(closing: UInt8(ascii: "]")) { return .array(items) }
            }
        case UInt8(ascii: "\""):
            position += 1
            return .string(try string())
        case UInt8(ascii: "t"):
            try expect("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expect("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expect("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return .number(try number())
        default:
            throw refused("unexpected character '\(Self.show(first))' where a value was expected")
        }
    }

    /// A byte as a reader would name it: the character for printable ASCII, else its hex code.
    private static func show(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? String(Character(Unicode.Scalar(byte))) : String(format: "0x%02X", byte)
    }

    /// A string's contents, after its opening quote; consumes the closing quote.
    private mutating func string() throws(Refused) -> String {
        let start = position
        guard let text = JSONScan.string(in: bytes, from: &position, end: bytes.count) else {
            throw Self.whyNotAString(bytes, from: start)
        }
        return text
    }

    /// Why the string starting at `start` (just past its quote) was refused; only on failure.
    private static func whyNotAString(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Refused {
        var i = start
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { break }
            if c < 0x20 { return .notJSON(reason: "a control character in a string (escape it)", offset: i) }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                if e == UInt8(ascii: "u") {
                    let hex = i + 2 + 4 <= bytes.count ? String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(i + 2)..<(i + 6)]), as: UTF8.self) : ""
                    guard let unit = UInt32(hex, radix: 16), hex.count == 4, hex.allSatisfy(\.isHexDigit) else {
                        return .notJSON(reason: "a \\u escape needs four hex digits", offset: i)
                    }
                    if (0xD800..<0xE000).contains(unit) {
                        let low = i + 8 + 4 <= bytes.count && bytes[i + 6] == UInt8(ascii: "\\") && bytes[i + 7] == UInt8(ascii: "u")
                            ? UInt32(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[(i + 8)..<(i + 12)]), as: UTF8.self), radix: 16) : nil
                        guard unit < 0xDC00, let low, (0xDC00..<0xE000).contains(low) else {
                            return .notJSON(reason: "a lone surrogate escape (\\u\(hex))", offset: i)
                        }
                        i += 12
                        continue
                    }
                    i += 6
                    continue
                }
                guard "\"\\/bfnrt".utf8.contains(e) else {
                    return .notJSON(reason: "an unknown escape '\\\(show(e))' in a string", offset: i)
                }
                i += 2
                continue
            }
            i += 1
        }
        if i >= bytes.count { return .notJSON(reason: "a string is not closed", offset: start - 1) }
        let slice = UnsafeRawBufferPointer(rebasing: bytes[start..<i])
        if let bad = invalidUTF8(slice) { return .notJSON(reason: "invalid UTF-8 in a string", offset: start + bad) }
        return .notJSON(reason: "a string that cannot be read", offset: start - 1)
    }

    /// A number by RFC 8259's grammar, as a finite `Double`.
    private mutating func number() throws(Refused) -> Double {
        let start = position
        guard let value = JSONScan.number(in: bytes, from: &position, end: bytes.count) else {
            // Tell a grammatical number too large for a Double from a malformed one.
            var end = start
            while end < bytes.count, "+-.eE0123456789".utf8.contains(bytes[end]) { end += 1 }
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if let double = Double(text), !double.isFinite, Self.isGrammatical(text) {
                throw refused("a number too large to read", at: start)
            }
            throw refused("a malformed number (JSON numbers have no leading zeros, '+', or bare '.')", at: start)
        }
        if let next = peek(), next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
            throw refused("a malformed number (JSON numbers have no leading zeros, '+', or bare '.')", at: start)
        }
        return value
    }

    /// Whether `text` follows RFC 8259's number grammar.
    private static func isGrammatical(_ text: String) -> Bool {
        text.wholeMatch(of: /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/) != nil
    }
}

extension JSONLineParser.Refused: CustomStringConvertible {
    var description: String { reason }
}

extension JSONLineParser {
    /// The reason a refused line was refused; for a line that is not UTF-8 (and not UTF-16 or
    /// led by a byte-order mark, which are named as such), that it is not. Run only on refusal.
    static func explain(_ refusal: Refused, in bytes: UnsafeRawBufferPointer) -> String {
        if case .notJSON = refusal, wrongEncoding(bytes) == nil, let bad = invalidUTF8(bytes) {
            return "invalid UTF-8 (at byte \(bad))"
        }
        return refusal.reason
    }
}
