import StitchJSON

/// JSON text written straight from a record's fields, for the records the store keeps as JSON:
/// the same text `JSONEncoder` writes (strings escaped the same way, `/` included, and whole
/// numbers without a fraction, by ``JSONOutput``), with the keys in the order the record declares them.
struct JSONText {
    private var out: JSONOutput
    private var first = true
    /// False once a number that JSON cannot hold (infinite, NaN) was met: `JSONEncoder`
    /// refuses such a record.
    private(set) var isValid = true

    init(capacity: Int = 512) { out = JSONOutput(capacity: capacity, escapesSlashes: true) }

    /// The text written so far.
    var bytes: [UInt8] { out.bytes }

    /// The text as a string.
    var string: String { String(decoding: out.bytes, as: UTF8.self) }

    // MARK: - Objects and arrays

    /// An object whose members `body` writes.
    mutating func object(_ body: (inout JSONText) -> Void) {
        out.byte(UInt8(ascii: "{"))
        first = true
        body(&self)
        out.byte(UInt8(ascii: "}"))
        first = false
    }

    /// Starts a member: a comma when needed, the key and a colon.
    private mutating func key(_ key: StaticString) {
        if !first { out.byte(UInt8(ascii: ",")) }
        first = false
        out.byte(UInt8(ascii: "\""))
        out.raw(key)
        out.raw("\":")
    }

    /// An array of `values`, each written by `element`.
    mutating func array<S: Sequence>(_ values: S, _ element: (inout JSONText, S.Element) -> Void) {
        out.byte(UInt8(ascii: "["))
        var firstElement = true
        for value in values {
            if !firstElement { out.byte(UInt8(ascii: ",")) }
            firstElement = false
            element(&self, value)
        }
        out.byte(UInt8(ascii: "]"))
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
        out.bool(value)
    }

    mutating func field(_ name: StaticString, _ value: Double?) {
        guard let value else { return }
        key(name)
        write(value)
    }

    mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        out.integer(value)
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
        if !out.finiteNumber(value) { isValid = false }
    }

    /// A string, escaped as `JSONEncoder` escapes it.
    mutating func write(_ value: String) {
        out.string(value)
    }
}
