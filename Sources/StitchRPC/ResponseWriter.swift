import Foundation

/// Writes an answer as JSON with the same bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`, in a fraction of its time.
///
/// The value is first laid out as a small tree (objects keep their members in the order
/// encoded; a key encoded twice keeps its last value), then written with every object's keys in
/// UTF-8 byte order. Numbers are written as Swift prints them, with a trailing `.0` dropped;
/// strings escape `"`, `\` and the control characters (`\b \t \n \f \r`, else `\u00xx`).
///
/// Types that Foundation writes its own way (`Date`, `Data`, `URL`, `Decimal`), non-finite
/// numbers are not handled: ``write(_:)`` throws ``Unsupported``, and the
/// dispatcher then uses `JSONEncoder`, so the answer is still Foundation's.
enum ResponseWriter {
    /// The value holds something this writer leaves to Foundation.
    struct Unsupported: Error {}

    /// The JSON bytes of `value`.
    static func write<T: Encodable>(_ value: T) throws -> Data {
        let encoder = TreeEncoder()
        try encoder.encodeGeneric(value)
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        (encoder.node ?? .object(ObjectNode())).write(to: &out)
        return Data(out)
    }

    /// A JSON value being built.
    fileprivate enum Node {
        case null
        case bool(Bool)
        /// A whole number, already in its written form.
        case number(String)
        /// A finite floating-point number, written as Swift prints it without a trailing `.0`.
        case double(Double)
        case float(Float)
        case string(String)
        case array(ArrayNode)
        case object(ObjectNode)
        /// The value a super encoder holds, read when written.
        case deferred(TreeEncoder)

        func write(to out: inout [UInt8]) {
            switch self {
            case .null: out.append(contentsOf: "null".utf8)
            case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
            case .number(let text): out.append(contentsOf: text.utf8)
            case .double(let value): ResponseWriter.writeNumber(value.description, to: &out)
            case .float(let value): ResponseWriter.writeNumber(value.description, to: &out)
            case .deferred(let encoder): (encoder.node ?? .object(ObjectNode())).write(to: &out)
            case .string(let s): ResponseWriter.writeString(s, to: &out)
            case .array(let array):
                out.append(UInt8(ascii: "["))
                for (i, item) in array.items.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    item.write(to: &out)
                }
                out.append(UInt8(ascii: "]"))
            case .object(let object):
                out.append(UInt8(ascii: "{"))
                object.sortMembers()
                let members = object.members
                var first = true
                for i in members.indices {
                    // Of a repeated key, the last value encoded (the sort is stable).
                    if i + 1 < members.count, members[i + 1].key == members[i].key { continue }
                    if !first { out.append(UInt8(ascii: ",")) }
                    first = false
                    ResponseWriter.writeString(members[i].key, to: &out)
                    out.append(UInt8(ascii: ":"))
                    members[i].value.write(to: &out)
                }
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    /// An array's items, shared by the containers that fill it.
    fileprivate final class ArrayNode {
        var items: [Node] = []
    }

    /// An object's members in the order encoded, shared by the containers that fill it.
    fileprivate final class ObjectNode {
        /// A member, with the first eight bytes of its key as a number for quick ordering.
        struct Member {
            var prefix: UInt64
            var key: String
            var value: Node

            init(key: String, value: Node) {
                var prefix: UInt64 = 0
                var shift: UInt64 = 56
                for byte in key.utf8.prefix(8) {
                    prefix |= UInt64(byte) << shift
                    shift &-= 8
                }
                self.prefix = prefix
                self.key = key
                self.value = value
            }

            /// UTF-8 byte order of the keys.
            func precedes(_ other: Member) -> Bool {
                prefix != other.prefix ? prefix < other.prefix : ObjectNode.precedes(key, other.key)
            }
        }

        var members: [Member] = []

        /// Puts the members in key order (UTF-8 bytes), keeping the encoding order of a repeated key.
        func sortMembers() {
            guard members.count > 1 else { return }
            var sorted = members
            members = []
            // A stable insertion sort: objects have a handful of members.
            for i in 1..<sorted.count {
                var j = i
                while j > 0, sorted[j].precedes(sorted[j - 1]) {
                    sorted.swapAt(j, j - 1)
                    j -= 1
                }
            }
            members = sorted
        }

        /// UTF-8 byte order, as Foundation sorts keys.
        static func precedes(_ a: String, _ b: String) -> Bool {
            var a = a
            var b = b
            return a.withUTF8 { x in
                b.withUTF8 { y in
                    let common = min(x.count, y.count)
                    if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                        let order = memcmp(p, q, common)
                        if order != 0 { return order < 0 }
                    }
                    return x.count < y.count
                }
            }
        }
    }

    fileprivate static func number(_ value: Double) throws -> Node {
        guard value.isFinite else { throw Unsupported() }
        return .double(value)
    }

    fileprivate static func number(_ value: Float) throws -> Node {
        guard value.isFinite else { throw Unsupported() }
        return .float(value)
    }

    /// A printed number without its trailing `.0` (`1.0` is written `1`, as Foundation does).
    fileprivate static func writeNumber(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            let whole = n >= 2 && bytes[n - 2] == UInt8(ascii: ".") && bytes[n - 1] == UInt8(ascii: "0")
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<(whole ? n - 2 : n)]))
        }
    }

    fileprivate static func writeString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var start = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                // Copy the plain run before it at once, then the escape.
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
                case 0x08: out.append(contentsOf: #"\b"#.utf8)
                case 0x09: out.append(contentsOf: #"\t"#.utf8)
                case 0x0A: out.append(contentsOf: #"\n"#.utf8)
                case 0x0C: out.append(contentsOf: #"\f"#.utf8)
                case 0x0D: out.append(contentsOf: #"\r"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: #"\u00"#.utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
            out.append(UInt8(ascii: "\""))
        }
    }
}

/// The `Encoder` behind ``ResponseWriter``: it records one value's node.
private final class TreeEncoder: Encoder, SingleValueEncodingContainer {
    var node: ResponseWriter.Node?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Encodes a nested value into a node of its own (an empty object if it encodes nothing).
    static func node<T: Encodable>(for value: T) throws -> ResponseWriter.Node {
        // The common leaves (array elements reach here generically) need no encoder of their own.
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Double.self { return try ResponseWriter.number(unsafeBitCast(value, to: Double.self)) }
        if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        let encoder = TreeEncoder()
        try encoder.encodeGeneric(value)
        return encoder.node ?? .object(ResponseWriter.ObjectNode())
    }

    func encodeGeneric<T: Encodable>(_ value: T) throws {
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw ResponseWriter.Unsupported()
        }
        try value.encode(to: self)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: ResponseWriter.ObjectNode
        if case .object(let existing)? = node {
            object = existing
        } else {
            object = ResponseWriter.ObjectNode()
            node = .object(object)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(object: object))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let array: ResponseWriter.ArrayNode
        if case .array(let existing)? = node {
            array = existing
        } else {
            array = ResponseWriter.ArrayNode()
            node = .array(array)
        }
        return UnkeyedContainer(array: array)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { node = .null }
    func encode(_ value: Bool) throws { node = .bool(value) }
    func encode(_ value: String) throws { node = .string(value) }
    func encode(_ value: Double) throws { node = try ResponseWriter.number(value) }
    func encode(_ value: Float) throws { node = try ResponseWriter.number(value) }
    func encode(_ value: Int) throws { node = .number(String(value)) }
    func encode(_ value: Int8) throws { node = .number(String(value)) }
    func encode(_ value: Int16) throws { node = .number(String(value)) }
    func encode(_ value: Int32) throws { node = .number(String(value)) }
    func encode(_ value: Int64) throws { node = .number(String(value)) }
    func encode(_ value: UInt) throws { node = .number(String(value)) }
    func encode(_ value: UInt8) throws { node = .number(String(value)) }
    func encode(_ value: UInt16) throws { node = .number(String(value)) }
    func encode(_ value: UInt32) throws { node = .number(String(value)) }
    func encode(_ value: UInt64) throws { node = .number(String(value)) }
    func encode<T: Encodable>(_ value: T) throws { node = try Self.node(for: value) }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ResponseWriter.ObjectNode
    var codingPath: [any CodingKey] { [] }

    private func put(_ node: ResponseWriter.Node, _ key: Key) {
        object.members.append(.init(key: key.stringValue, value: node))
    }

    mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(try ResponseWriter.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(try ResponseWriter.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try TreeEncoder.node(for: value), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = ResponseWriter.ObjectNode()
        put(.object(nested), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ResponseWriter.ArrayNode()
        put(.array(nested), key)
        return UnkeyedContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

    /// An encoder whose value lands at `name` (an empty object if it encodes nothing).
    private func superEncoder(named name: String) -> any Encoder {
        let encoder = TreeEncoder()
        object.members.append(.init(key: name, value: .deferred(encoder)))
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let array: ResponseWriter.ArrayNode
    var codingPath: [any CodingKey] { [] }
    var count: Int { array.items.count }

    private func put(_ node: ResponseWriter.Node) { array.items.append(node) }

    mutating func encodeNil() throws { put(.null) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.string(value)) }
    mutating func encode(_ value: Double) throws { put(try ResponseWriter.number(value)) }
    mutating func encode(_ value: Float) throws { put(try ResponseWriter.number(value)) }
    mutating func encode(_ value: Int) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { put(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { put(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { put(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try TreeEncoder.node(for: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let nested = ResponseWriter.ObjectNode()
        put(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ResponseWriter.ArrayNode()
        put(.array(nested))
        return UnkeyedContainer(array: nested)
    }

    mutating func superEncoder() -> any Encoder {
        let encoder = TreeEncoder()
        put(.deferred(encoder))
        return encoder
    }
}
