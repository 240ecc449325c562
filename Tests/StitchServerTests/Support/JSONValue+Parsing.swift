/// A small, strict JSON reader for test answers: one pass over the bytes, no Foundation.
///
/// The load test reads tens of thousands of answers while the daemon runs on the same two cores;
/// `JSONDecoder` with a type-probing `Decodable` spent more time than the daemon did.
extension JSONValue {
    /// A line the reader could not parse.
    struct ParseError: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "not valid JSON at byte \(offset)" }
    }

    /// Parses one JSON document.
    static func parse(_ text: String) throws -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        let value = try reader.value()
        reader.skipSpace()
        guard reader.at == reader.bytes.count else { throw ParseError(offset: reader.at) }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[at]) { at += 1 }
        }

        mutating func expect(_ literal: String, _ value: JSONValue) throws -> JSONValue {
            for byte in literal.utf8 {
                guard at < bytes.count, bytes[at] == byte else { throw ParseError(offset: at) }
                at += 1
            }
            return value
        }

        mutating func value() throws -> JSONValue {
            skipSpace()
            guard at < bytes.count else { throw ParseError(offset: at) }
            switch bytes[at] {
            case UInt8(ascii: "{"):
                at += 1
                var fields: [String: JSONValue] = [:]
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                    at += 1
                    return .object(fields)
                }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { throw ParseError(offset: at) }
                    at += 1
                    fields[key] = try value()
                    skipSpace()
                    guard at < bytes.count else { throw ParseError(offset: at) }
                    at += 1
                    if bytes[at - 1] == UInt8(ascii: "}") { return .object(fields) }
                    guard bytes[at - 1] == UInt8(ascii: ",") else { throw ParseError(offset: at - 1) }
                }
            case UInt8(ascii: "["):
                at += 1
                var items: [JSONValue] = []
                skipSpace()
                if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                    at += 1
                    return .array(items)
                }
                while true {
                    items.append(try value())
                    skipSpace()
                    guard at < bytes.count else { throw ParseError(offset: at) }
                    at += 1
                    if bytes[at - 1] == UInt8(ascii: "]") { return .array(items) }
                    guard bytes[at - 1] == UInt8(ascii: ",") else { throw ParseError(offset: at - 1) }
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try expect("true", .bool(true))
            case UInt8(ascii: "f"): return try expect("false", .bool(false))
            case UInt8(ascii: "n"): return try expect("null", .null)
            default: return try number()
            }
        }

        mutating func number() throws -> JSONValue {
            let start = at
            while at < bytes.count, "+-0123456789.eE".utf8.contains(bytes[at]) { at += 1 }
            guard let number = Double(String(decoding: bytes[start..<at], as: UTF8.self)) else {
                throw ParseError(offset: start)
            }
            return .number(number)
        }

        mutating func string() throws -> String {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { throw ParseError(offset: at) }
            at += 1
            // The common case, no escapes: one slice.
            var end = at
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                defer { at = end + 1 }
                return String(decoding: bytes[at..<end], as: UTF8.self)
            }
            var scalars: [UInt8] = []
            while at < bytes.count {
                let byte = bytes[at]
                at += 1
                switch byte {
                case UInt8(ascii: "\""): return String(decoding: scalars, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard at < bytes.count else { throw ParseError(offset: at) }
                    let escape = bytes[at]
                    at += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append(0x0A)
                    case UInt8(ascii: "t"): scalars.append(0x09)
                    case UInt8(ascii: "r"): scalars.append(0x0D)
                    case UInt8(ascii: "b"): scalars.append(0x08)
                    case UInt8(ascii: "f"): scalars.append(0x0C)
                    case UInt8(ascii: "u"): scalars.append(contentsOf: try unicodeEscape())
                    default: scalars.append(escape)
                    }
                default: scalars.append(byte)
                }
            }
            throw ParseError(offset: at)
        }

        /// `\uXXXX` (after the `u`), with a following low surrogate when it is a high one.
        mutating func unicodeEscape() throws -> [UInt8] {
            func hex4() throws -> UInt32 {
                guard at + 4 <= bytes.count,
                    let v = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
                else {
                    throw ParseError(offset: at)
                }
                at += 4
                return v
            }
            var code = try hex4()
            if (0xD800..<0xDC00).contains(code), at + 6 <= bytes.count, bytes[at] == UInt8(ascii: "\\"),
                bytes[at + 1] == UInt8(ascii: "u")
            {
                at += 2
                code = 0x10000 + ((code - 0xD800) << 10) + (try hex4() - 0xDC00)
            }
            return Array(String(Character(Unicode.Scalar(code) ?? "\u{FFFD}")).utf8)
        }
    }
}
