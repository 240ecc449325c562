#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import StitchJSON

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
        return JSONScan.string(in: UnsafeRawBufferPointer(bytes), from: &i, end: end)
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
        guard let value = JSONScan.number(in: UnsafeRawBufferPointer(bytes), from: &i, end: end) else { return nil }
        // A number must end at a delimiter.
        if i < end {
            let c = bytes[i]
            guard c == UInt8(ascii: ",") || c == UInt8(ascii: "}") || c == UInt8(ascii: "]") || c == 0x20 || c == 0x0A
                || c == 0x0D || c == 0x09
            else { return nil }
        }
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
