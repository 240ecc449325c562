#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cursor over the bytes of one JSON record, for ``DirectDecodable`` readers.
///
/// It reads only plain, valid JSON: every method returns `nil` (or `false`) on anything it does
/// not expect (a malformed number, a control character or a bad escape in a string, invalid
/// UTF-8, the wrong kind of value), and the record is then decoded again by `JSONDecoder`,
/// which gives the exact value or error. So the cursor never has to produce an error message,
/// and whatever it does return is the value `JSONDecoder` would have returned.
struct JSONBytes {
    let bytes: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.bytes = bytes
        i = range.lowerBound
        end = range.upperBound
    }

    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// Whether only white space is left.
    var atEnd: Bool {
        mutating get {
            skipSpace()
            return i >= end
        }
    }

    mutating func skipSpace() {
        while i < end {
            let c = bytes[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// Consumes `byte` (after white space) when it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < end, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// Consumes `null` when it comes next.
    mutating func takeNull() -> Bool {
        skipSpace()
        guard i + 4 <= end, bytes[i] == UInt8(ascii: "n"), bytes[i + 1] == UInt8(ascii: "u"),
            bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l")
        else { return false }
        i += 4
        return true
    }

    // MARK: - Objects

    /// Reads an object's members: `body` is called with each key's raw bytes (keys with escapes
    /// are refused) with the cursor on its value, and must consume the value, or return false.
    mutating func object(_ body: (inout JSONBytes, UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = rawKey(), take(UInt8(ascii: ":")), body(&self, key) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// A key's bytes, without its quotes; `nil` when it holds an escape or a control character.
    private mutating func rawKey() -> UnsafeBufferPointer<UInt8>? {
        guard take(Self.quote) else { return nil }
        let start = i
        while i < end {
            let c = bytes[i]
            if c == Self.quote {
                i += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)])
            }
            guard c != Self.backslash, c >= 0x20 else { return nil }
            i += 1
        }
        return nil
    }

    // MARK: - Values

    /// A string, unescaped; `nil` for anything but a sound string.
    mutating func string() -> String? {
        guard take(Self.quote) else { return nil }
        let start = i
        var ascii = true
        while i < end {
            let c = bytes[i]
            if c == Self.quote {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                return ascii ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
            }
            if c == Self.backslash {
                i = start
                return escapedString()
            }
            guard c >= 0x20 else { return nil }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        return nil
    }

    /// The rest of a string that holds an escape, from its first byte.
    private mutating func escapedString() -> String? {
        var out: [UInt8] = []
        while i < end {
            let c = bytes[i]
            i += 1
            switch c {
            case Self.quote:
                return String(validating: out, as: UTF8.self)
            case Self.backslash:
                guard i < end else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard i + 2 <= end, bytes[i] == Self.backslash, bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: UTF8.encode(unicode)!)
                default:
                    return nil
                }
            default:
                guard c >= 0x20 else { return nil }
                out.append(c)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= end else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    /// `true` or `false`; `nil` for anything else.
    mutating func bool() -> Bool? {
        skipSpace()
        if i + 4 <= end, bytes[i] == UInt8(ascii: "t"), bytes[i + 1] == UInt8(ascii: "r"), bytes[i + 2] == UInt8(ascii: "u"),
            bytes[i + 3] == UInt8(ascii: "e")
        {
            i += 4
            return true
        }
        if i + 5 <= end, bytes[i] == UInt8(ascii: "f"), bytes[i + 1] == UInt8(ascii: "a"), bytes[i + 2] == UInt8(ascii: "l"),
            bytes[i + 3] == UInt8(ascii: "s"), bytes[i + 4] == UInt8(ascii: "e")
        {
            i += 5
            return false
        }
        return nil
    }

    /// A JSON number, correctly rounded; `nil` for anything else (or one too large for a `Double`).
    mutating func number() -> Double? {
        skipSpace()
        let start = i
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // Integer part: 0, or a digit 1-9 and more digits.
        guard i < end, Self.isDigit(bytes[i]) else { return nil }
        var mantissa: UInt64 = 0
        var digits = 0
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else {
            while i < end, Self.isDigit(bytes[i]) {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
        }
        var scale = 0
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < end, Self.isDigit(bytes[i]) else { return nil }
            while i < end, Self.isDigit(bytes[i]) {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - UInt8(ascii: "0"))
                if mantissa != 0 { digits += 1 }
                scale += 1
                i += 1
            }
        }
        var exact = true
        if i < end, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            exact = false
            i += 1
            if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < end, Self.isDigit(bytes[i]) else { return nil }
            while i < end, Self.isDigit(bytes[i]) { i += 1 }
        }
        // A number must end at a delimiter.
        if i < end {
            let c = bytes[i]
            guard c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x0A
                || c == 0x0D || c == 0x09
            else { return nil }
        }
        // Up to 15 significant digits and a power of ten up to 22: one exact division, correctly
        // rounded (Clinger's fast path). Anything else goes to strtod.
        if exact, digits <= 15, scale <= 22 {
            let value = Double(mantissa) / Self.powersOfTen[scale]
            return negative ? -value : value
        }
        return Self.strtod(bytes, start..<i)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }

    /// Any other number, by the standard library's correctly rounded parser.
    private static func strtod(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)),
            value.isFinite
        else { return nil }
        return value
    }

    /// A list read element by element with `element`; `nil` when any element is refused.
    mutating func array<T>(_ element: (inout JSONBytes) -> T?) -> [T]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var out: [T] = []
        if take(UInt8(ascii: "]")) { return out }
        while true {
            guard let value = element(&self) else { return nil }
            out.append(value)
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? out : nil
        }
    }

    /// A list of strings.
    mutating func strings() -> [String]? { array { $0.string() } }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `key` (an ASCII literal).
    func `is`(_ key: StaticString) -> Bool {
        guard count == key.utf8CodeUnitCount else { return false }
        return memcmp(baseAddress!, key.utf8Start, count) == 0
    }
}
