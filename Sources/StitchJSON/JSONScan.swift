/// The two pieces of RFC 8259 that Stitch's fast JSON readers share, on raw bytes: a string with
/// its escapes, and a number, correctly rounded.
///
/// The daemon's line parser (`StitchRPC`) and the community file's record reader (`StitchStore`)
/// each read the plain JSON they expect straight from the bytes and hand anything else to
/// Foundation's decoder, which then gives the value or the error. So these readers never explain
/// a refusal: each returns `nil` for anything it does not take whole (a control character, a bad
/// escape or lone surrogate, invalid UTF-8, a number outside the grammar or beyond a `Double`).
///
/// ```swift
/// var i = 1                                   // just past the opening quote
/// let name = JSONScan.string(in: bytes, from: &i, end: bytes.count)
/// ```
package enum JSONScan {
    static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    /// A string's contents from `i`, just past its opening quote, unescaped; `i` moves past the
    /// closing quote. `nil` for anything but a sound string (then `i` is left anywhere).
    package static func string(in bytes: UnsafeRawBufferPointer, from i: inout Int, end: Int) -> String? {
        let start = i
        var ascii = true
        while i < end {
            let c = bytes[i]
            if c == quote {
                let text = UnsafeRawBufferPointer(rebasing: bytes[start..<i]).assumingMemoryBound(to: UInt8.self)
                i += 1
                return ascii ? String(decoding: text, as: UTF8.self) : String(validating: text, as: UTF8.self)
            }
            if c == backslash { break }
            guard c >= 0x20 else { return nil }
            if c >= 0x80 { ascii = false }
            i += 1
        }
        guard i < end else { return nil }
        // An escape: the rest byte by byte.
        var out = Array(UnsafeRawBufferPointer(rebasing: bytes[start..<i]))
        while i < end {
            let c = bytes[i]
            i += 1
            switch c {
            case quote:
                return String(validating: out, as: UTF8.self)
            case backslash:
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
                    guard var scalar = hex4(bytes, &i, end) else { return nil }
                    if (0xD800..<0xDC00).contains(scalar) {
                        // A high surrogate must be followed by an escaped low one.
                        guard i + 2 <= end, bytes[i] == backslash, bytes[i + 1] == UInt8(ascii: "u") else { return nil }
                        i += 2
                        guard let low = hex4(bytes, &i, end), (0xDC00..<0xE000).contains(low) else { return nil }
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

    /// The four hex digits of a `\u` escape from `i`, moving `i` past them.
    private static func hex4(_ bytes: UnsafeRawBufferPointer, _ i: inout Int, _ end: Int) -> UInt32? {
        guard let value = hex4(bytes, at: i, end: end) else { return nil }
        i += 4
        return value
    }

    /// The value of the four hex digits of a `\u` escape at `k` (before `end`), or `nil` when
    /// they are not four hex digits. ``JSONSyntax`` checks escapes with it too.
    static func hex4(_ bytes: UnsafeRawBufferPointer, at k: Int, end: Int) -> UInt32? {
        guard k + 4 <= end else { return nil }
        var value: UInt32 = 0
        for j in k..<(k + 4) {
            let c = bytes[j]
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// A number by RFC 8259's grammar from `i`, as the nearest finite `Double` (`-0` stays
    /// negative, as Foundation reads it); `i` moves past it. `nil` for anything else: the caller
    /// checks what follows.
    package static func number(in bytes: UnsafeRawBufferPointer, from i: inout Int, end: Int) -> Double? {
        let start = i
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        // Integer part: 0, or a digit 1-9 and more digits.
        guard i < end, isDigit(bytes[i]) else { return nil }
        var mantissa: UInt64 = 0
        var digits = 0
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < end, isDigit(bytes[i]) { return nil }
        } else {
            while i < end, isDigit(bytes[i]) {
                mantissa = mantissa &* 10 &+ UInt64(bytes[i] - UInt8(ascii: "0"))
                digits += 1
                i += 1
            }
        }
        var scale = 0
        if i < end, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < end, isDigit(bytes[i]) else { return nil }
            while i < end, isDigit(bytes[i]) {
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
            guard i < end, isDigit(bytes[i]) else { return nil }
            while i < end, isDigit(bytes[i]) { i += 1 }
        }
        // Up to 15 significant digits and a power of ten up to 22: one exact division, correctly
        // rounded (Clinger's fast path). Anything else goes to the standard library's parser.
        if exact, digits <= 15, scale <= 22 {
            let value = Double(mantissa) / powersOfTen[scale]
            return negative ? -value : value
        }
        guard let value = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)),
            value.isFinite
        else { return nil }
        return value
    }

    @inline(__always)
    private static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    private static let powersOfTen: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { x, _ in x * 10 } }
}
