/// JSON text being written, byte by byte, formatted as Foundation's `JSONEncoder` formats it:
/// the daemon's answers (with `.withoutEscapingSlashes`) and the records the store keeps (with
/// `/` escaped, `JSONEncoder`'s default), so that both read exactly as the encoder would write them.
///
/// Strings escape `"`, `\` and the control characters (`\b \t \n \f \r`, else `\u00xx`), and `/`
/// when asked to, and nothing else; whole numbers are written in decimal; a `Double` or `Float` as
/// Swift prints it, with a trailing `.0` dropped (`1.0` is written `1`). Keys and punctuation are
/// written as given (``raw(_:)``), so a writer spells out each key with its quotes.
///
/// A text output stream only so that `Double.write(to:)` can print into the bytes without making
/// a `String` first: ``write(_:)`` appends its text as it is, unescaped.
package struct JSONOutput: TextOutputStream {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []
    /// Whether `/` is escaped (`\/`), as `JSONEncoder` does unless told not to.
    package let escapesSlashes: Bool

    package init(capacity: Int = 4096, escapesSlashes: Bool = false) {
        bytes.reserveCapacity(capacity)
        self.escapesSlashes = escapesSlashes
    }

    /// Appends `text` as it is: punctuation, or a key already quoted (`"id":`).
    package mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends one byte of punctuation.
    package mutating func byte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends bytes already written as JSON.
    package mutating func append(_ json: [UInt8]) {
        bytes.append(contentsOf: json)
    }

    package mutating func null() { raw("null") }

    package mutating func bool(_ value: Bool) {
        if value { raw("true") } else { raw("false") }
    }

    /// A whole number in decimal.
    package mutating func integer<Number: BinaryInteger>(_ value: Number) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        guard magnitude != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        // Digits come out last first: write them, then turn them round in place.
        let start = bytes.count
        while magnitude != 0 {
            let (quotient, digit) = magnitude.quotientAndRemainder(dividingBy: 10)
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: digit))
            magnitude = quotient
        }
        bytes[start...].reverse()
    }

    /// A finite number as Swift prints it, without a trailing `.0`; nothing is written and the
    /// answer is `false` for an infinity or a NaN, which JSON cannot hold.
    package mutating func finiteNumber(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        value.write(to: &self)
        dropWholeSuffix()
        return true
    }

    /// A finite `Float` as Swift prints it, without a trailing `.0` (`false`, and nothing written,
    /// for an infinity or a NaN).
    package mutating func finiteNumber(_ value: Float) -> Bool {
        guard value.isFinite else { return false }
        value.write(to: &self)
        dropWholeSuffix()
        return true
    }

    private mutating func dropWholeSuffix() {
        let n = bytes.count
        if n >= 2, bytes[n - 2] == UInt8(ascii: "."), bytes[n - 1] == UInt8(ascii: "0") {
            bytes.removeLast(2)
        }
    }

    /// A string, quoted and escaped.
    package mutating func string(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escaped($0) }
        if done == nil {
            var copy = text
            copy.withUTF8 { escaped($0) }
        }
    }

    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var start = 0
        for i in 0..<utf8.count {
            let byte = utf8[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                || (escapesSlashes && byte == UInt8(ascii: "/"))
            else { continue }
            // The plain run before it at once, then the escape.
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            start = i + 1
            switch byte {
            case UInt8(ascii: "\""): raw(#"\""#)
            case UInt8(ascii: "\\"): raw(#"\\"#)
            case UInt8(ascii: "/"): raw(#"\/"#)
            case 0x08: raw(#"\b"#)
            case 0x09: raw(#"\t"#)
            case 0x0A: raw(#"\n"#)
            case 0x0C: raw(#"\f"#)
            case 0x0D: raw(#"\r"#)
            default:
                raw(#"\u00"#)
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0xF))
            }
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// Appends printed text as it is (how numbers print themselves here).
    package mutating func write(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends printed ASCII text as it is, without making a `String` of it first.
    package mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }
}
