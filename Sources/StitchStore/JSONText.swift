/// JSON text written straight from a record's fields, for the records the store keeps as JSON:
/// the same text `JSONEncoder` writes (strings escaped the same way, `/` included, and whole
/// numbers without a fraction), with the keys in the order the record declares them.
struct JSONText {
    private(set) var bytes: [UInt8] = []
    private var first = true
    /// False once a number that JSON cannot hold (infinite, NaN) was written: `JSONEncoder`
    /// refuses such a record.
    private(set) var isValid = true

    init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    /// The text as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Objects and arrays

    /// An object whose members `body` writes.
    mutating func object(_ body: (inout JSONText) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        first = true
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    /// Starts a member: a comma when needed, the key and a colon.
    private mutating func key(_ key: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// An array of `values`, each written by `element`.
    mutating func array<S: Sequence>(_ values: S, _ element: (inout JSONText, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var firstElement = true
        for value in values {
            if !firstElement { bytes.append(UInt8(ascii: ",")) }
            firstElement = false
            element(&self, value)
        }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    // MARK: - Members

    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        write(value)
    }

    /// Written only when present, as the synthesized `Encodable` does.
    mutating func field(_ name: StaticString, _ value: String?) {
        if let value { field(name, value) }
    }

    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        write(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ name: StaticString, _ values: [String]) {
        key(name)
        array(values) { json, value in json.write(value) }
    }

    /// A member whose value `body` writes.
    mutating func field(_ name: StaticString, _ body: (inout JSONText) -> Void) {
        key(name)
        body(&self)
    }

    // MARK: - Values

    /// A number as `JSONEncoder` writes it: its shortest form, without a `.0`.
    mutating func write(_ value: Double) {
        if !value.isFinite { isValid = false }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string, escaped as `JSONEncoder` escapes it.
    mutating func write(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for c in value.utf8 {
            switch c {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "/"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "/")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(hex[Int(c >> 4)])
                bytes.append(hex[Int(c & 0xF)])
            default: bytes.append(c)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
