import Foundation

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
        let start = position
        // Fast path: no escapes, all ASCII or valid UTF-8 checked by String(validating:).
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                position += 1
                guard let text = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) else {
                    throw Refused()
                }
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            guard byte >= 0x20 else { throw Refused() }
            position += 1
        }
        // Slow path: escapes.
        var out = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<position]))
        while let byte = next() {
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw Refused() }
                return text
            case UInt8(ascii: "\\"):
                guard let escape = next() else { throw Refused() }
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard next() == UInt8(ascii: "\\"), next() == UInt8(ascii: "u") else { throw Refused() }
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw Refused() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw Refused()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Refused() }
                    out.append(contentsOf: String(Character(unicode)).utf8)
                default:
                    throw Refused()
                }
            default:
                guard byte >= 0x20 else { throw Refused() }
                out.append(byte)
            }
        }
        throw Refused()
    }

    private mutating func hex4() throws(Refused) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = next() else { throw Refused() }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Refused()
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number by RFC 8259's grammar, as a finite `Double`.
    private mutating func number() throws(Refused) -> Double {
        let start = position
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        if peek() == UInt8(ascii: "-") { position += 1 }
        guard isDigit(peek()) else { throw Refused() }
        if peek() == UInt8(ascii: "0") {
            position += 1
            if isDigit(peek()) { throw Refused() }
        } else {
            while isDigit(peek()) { position += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            guard isDigit(peek()) else { throw Refused() }
            while isDigit(peek()) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            guard isDigit(peek()) else { throw Refused() }
            while isDigit(peek()) { position += 1 }
        }
        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
        // Whole numbers of up to 15 digits are exact in a Double: no text conversion needed.
        if position - start <= 15, let whole = Self.smallInteger(text) { return whole }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else { throw Refused() }
        return value
    }

    private static func smallInteger(_ text: UnsafeRawBufferPointer) -> Double? {
        var negative = false
        var value: Int64 = 0
        for (i, byte) in text.enumerated() {
            if i == 0, byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        // -0 stays a negative zero, as Foundation reads it.
        if negative, value == 0 { return -0.0 }
        return Double(negative ? -value : value)
    }
}
