import Foundation
import StitchJSON

/// Reads a request line's JSON straight from its bytes, in one pass, into a ``JSONTree``, and
/// notes where each request's `params` value lies so that its typed params can be decoded from
/// those bytes without writing the tree out again.
///
/// Stricter than Foundation's `JSONDecoder`: UTF-8 only, RFC 8259 grammar only (no leading zeros,
/// no byte-order mark, no lone surrogates, no invalid UTF-8, numbers that fit a `Double`), and at
/// most ``maximumDepth`` levels. The dispatcher hands anything this refuses to `JSONDecoder`, so
/// the set of lines accepted, and how they read, is Foundation's.
struct JSONLineParser {
    /// One request of a line: its JSON, and the byte range of its `params` value if it has one.
    struct Request {
        var tree: JSONTree
        var params: Range<Int>?
    }

    /// A line as read: one value, or a batch (a top-level array) of values.
    enum Line {
        case single(Request)
        case batch([Request])
    }

    /// The input is not JSON this parser accepts.
    struct Refused: Error {}

    static let maximumDepth = 512

    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Set when the object at request level has a `params` member.
    private var paramsRange: Range<Int>?

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Parses a whole line (surrounding whitespace allowed).
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(Refused) -> Line {
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
                    parser.paramsRange = nil
                    let tree = try parser.value(depth: 1, requestDepth: 1)
                    items.append(Request(tree: tree, params: parser.paramsRange))
                    parser.skipWhitespace()
                    guard let next = parser.next() else { throw Refused() }
                    if next == UInt8(ascii: "]") { break }
                    guard next == UInt8(ascii: ",") else { throw Refused() }
                }
            }
            line = .batch(items)
        } else {
            let tree = try parser.value(depth: 0, requestDepth: 0)
            line = .single(Request(tree: tree, params: parser.paramsRange))
        }
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw Refused() }
        return line
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func expect(_ word: StaticString) throws(Refused) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw Refused() }
        for i in 0..<count where bytes[position + i] != word.utf8Start[i] { throw Refused() }
        position += count
    }

    /// A value; `requestDepth` is the depth of the objects whose `params` are noted.
    private mutating func value(depth: Int, requestDepth: Int) throws(Refused) -> JSONTree {
        guard depth < Self.maximumDepth else { throw Refused() }
        skipWhitespace()
        guard let first = peek() else { throw Refused() }
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
                guard next() == UInt8(ascii: "\"") else { throw Refused() }
                let key = try string()
                skipWhitespace()
                guard next() == UInt8(ascii: ":") else { throw Refused() }
                skipWhitespace()
                let start = position
                let member = try value(depth: depth + 1, requestDepth: requestDepth)
                // A repeated key keeps its first value, as Foundation's reader does.
                if fields[key] == nil {
                    fields[key] = member
                    if depth == requestDepth, key == "params" { paramsRange = start..<position }
                }
                skipWhitespace()
                guard let separator = next() else { throw Refused() }
                if separator == UInt8(ascii: "}") { return .object(fields) }
                guard separator == UInt8(ascii: ",") else { throw Refused() }
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
                guard let separator = next() else { throw Refused() }
                if separator == UInt8(ascii: "]") { return .array(items) }
                guard separator == UInt8(ascii: ",") else { throw Refused() }
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
        default:
            return .number(try number())
        }
    }

    /// A string's contents, after its opening quote; consumes the closing quote.
    private mutating func string() throws(Refused) -> String {
        guard let text = JSONScan.string(in: bytes, from: &position, end: bytes.count) else { throw Refused() }
        return text
    }

    /// A number by RFC 8259's grammar, as a finite `Double`.
    private mutating func number() throws(Refused) -> Double {
        guard let value = JSONScan.number(in: bytes, from: &position, end: bytes.count) else { throw Refused() }
        return value
    }
}
