import Foundation
import StitchApplication
import StitchEngine
import StitchJSON

/// Writes an answer as JSON with the same bytes Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]`, in a fraction of its time.
///
/// A response, and the answers the daemon sends most (rankings, explanations, health, errors),
/// write themselves straight into the bytes (``JSONWritable``). Any other result goes through
/// `Encodable`: it is first laid out as a small tree (objects keep their members in the order
/// encoded; a key encoded twice keeps its last value), then written with every object's keys in
/// UTF-8 byte order. Either way the text is formatted by ``JSONOutput``.
///
/// Types that Foundation writes its own way (`Date`, `Data`, `URL`, `Decimal`), non-finite
/// numbers are not handled: the writer throws ``Unsupported``, and the dispatcher then uses
/// `JSONEncoder`, so the answer is still Foundation's.
enum ResponseWriter {
    /// The value holds something this writer leaves to Foundation.
    struct Unsupported: Error {}

    /// The JSON bytes of one response.
    static func write(_ response: RPCResponse) throws -> Data {
        var out = JSONOutput()
        try write(response, to: &out)
        return Data(out.bytes)
    }

    /// The JSON bytes of a batch's responses: an array, in their order.
    static func write(_ responses: [RPCResponse]) throws -> Data {
        var out = JSONOutput()
        out.byte(UInt8(ascii: "["))
        for (i, response) in responses.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            try write(response, to: &out)
        }
        out.byte(UInt8(ascii: "]"))
        return Data(out.bytes)
    }

    /// The JSON bytes of any value, through `Encodable`.
    static func write<T: Encodable>(_ value: T) throws -> Data {
        var out = JSONOutput(capacity: 1024)
        try TreeEncoder.node(for: value).write(to: &out)
        return Data(out.bytes)
    }

    /// `{"error":…,"id":…,"jsonrpc":"2.0"}` or `{"id":…,"jsonrpc":"2.0","result":…}`, as
    /// ``RPCResponse``'s `Encodable` conformance gives.
    static func write(_ response: RPCResponse, to out: inout JSONOutput) throws {
        if let error = response.error {
            out.raw(#"{"error":"#)
            error.writeJSON(to: &out)
            out.raw(#","id":"#)
            try response.id.writeJSON(to: &out)
            out.raw(#","jsonrpc":"2.0"}"#)
            return
        }
        out.raw(#"{"id":"#)
        try response.id.writeJSON(to: &out)
        out.raw(#","jsonrpc":"2.0","result":"#)
        if let result = response.result {
            try write(result: result, to: &out)
        } else {
            out.raw("{}")
        }
        out.byte(UInt8(ascii: "}"))
    }

    /// A method's result: directly when it writes itself, else through `Encodable`.
    static func write(result: any Encodable, to out: inout JSONOutput) throws {
        // The frequent answers by their type first: a cast to a protocol looks the conformance up.
        if let ranking = result as? Ranking {
            try ranking.writeJSON(to: &out)
        } else if let match = result as? Match {
            try match.writeJSON(to: &out)
        } else if let writable = result as? any JSONWritable {
            try writable.writeJSON(to: &out)
        } else {
            try TreeEncoder.node(for: result).write(to: &out)
        }
    }

    /// A JSON value being built by ``TreeEncoder``.
    enum Node {
        case null
        case bool(Bool)
        /// A whole number, already in its written form.
        case number(String)
        /// A finite floating-point number.
        case double(Double)
        case float(Float)
        case string(String)
        case array(ArrayNode)
        case object(ObjectNode)
        /// The value a super encoder holds, read when written.
        case deferred(TreeEncoder)

        func write(to out: inout JSONOutput) throws(Unsupported) {
            switch self {
            case .null: out.null()
            case .bool(let b): out.bool(b)
            case .number(let text): out.write(text)
            case .double(let value): try out.number(value)
            case .float(let value): try out.number(value)
            case .deferred(let encoder): try (encoder.node ?? .object(ObjectNode())).write(to: &out)
            case .string(let s): out.string(s)
            case .array(let array):
                out.byte(UInt8(ascii: "["))
                for (i, item) in array.items.enumerated() {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    try item.write(to: &out)
                }
                out.byte(UInt8(ascii: "]"))
            case .object(let object):
                out.byte(UInt8(ascii: "{"))
                object.sortMembers()
                let members = object.members
                var first = true
                for i in members.indices {
                    // Of a repeated key, the last value encoded (the sort is stable).
                    if i + 1 < members.count, members[i + 1].key == members[i].key { continue }
                    if !first { out.byte(UInt8(ascii: ",")) }
                    first = false
                    out.string(members[i].key)
                    out.byte(UInt8(ascii: ":"))
                    try members[i].value.write(to: &out)
                }
                out.byte(UInt8(ascii: "}"))
            }
        }
    }

    /// An array's items, shared by the containers that fill it.
    final class ArrayNode {
        var items: [Node] = []
    }

    /// An object's members in the order encoded, shared by the containers that fill it.
    final class ObjectNode {
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

    static func number(_ value: Double) throws -> Node {
        guard value.isFinite else { throw Unsupported() }
        return .double(value)
    }

    static func number(_ value: Float) throws -> Node {
        guard value.isFinite else { throw Unsupported() }
        return .float(value)
    }
}
