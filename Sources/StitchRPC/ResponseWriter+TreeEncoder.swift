import Foundation
import StitchApplication

/// The `Encoder` behind ``ResponseWriter``'s generic path: it records one value's node.
final class TreeEncoder: Encoder, SingleValueEncodingContainer {
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
