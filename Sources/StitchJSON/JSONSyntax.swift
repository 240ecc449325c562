/// Checks that bytes are one JSON value by RFC 8259 and nothing more, and says where and why
/// they are not: the judge of every JSON file Stitch reads (a community file, a plan request,
/// a taxonomy, `--request` on the command line), before any decoder sees it.
///
/// Foundation's reader takes more than JSON (a trailing comma, a byte-order mark), so a file it
/// reads may not be JSON at all; this check refuses, each with what to do: a byte-order mark,
/// UTF-16 and invalid UTF-8, comments, single quotes, unquoted names, a trailing comma, a missing
/// comma, `NaN` and other words, malformed numbers and numbers too large for a double, control
/// characters and bad escapes in strings, input that ends inside a value (naming where the open
/// object or array began), and anything after the value. Nesting deeper than ``maximumDepth``
/// is refused too.
///
/// One pass over the bytes, no allocation but a stack of the open objects and arrays.
///
/// ```swift
/// if let problem = JSONSyntax.problem(in: bytes) {
///     print("plan.json:\(problem.line):\(problem.column): \(problem.reason)")
///     // plan.json:12:5: a trailing comma before '}': remove it
/// }
/// ```
package enum JSONSyntax {
    /// The deepest nesting read (as the daemon's line reader).
    package static let maximumDepth = 512

    /// Where bytes stop being JSON, and why.
    package struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        /// The offset of the first offending byte.
        package var offset: Int
        /// Its line, from 1.
        package var line: Int
        /// Its column on that line, in characters, from 1.
        package var column: Int
        /// What is wrong and what to do, in plain words.
        package var reason: String

        /// `12:5: a trailing comma before '}': remove it`.
        package var description: String { "\(line):\(column): \(reason)" }
    }

    /// The first place `bytes` stop being one JSON value, or `nil` when they are one.
    package static func problem(in bytes: UnsafeRawBufferPointer) -> Problem? {
        var checker = Checker(bytes: bytes)
        guard let (offset, reason) = checker.run() else { return nil }
        let (line, column) = position(of: offset, in: bytes)
        return Problem(offset: offset, line: line, column: column, reason: reason)
    }

    /// The problem of bytes given as an array (see ``problem(in:)-(UnsafeRawBufferPointer)``).
    package static func problem(in bytes: some Collection<UInt8>) -> Problem? {
        if let found = bytes.withContiguousStorageIfAvailable({ problem(in: UnsafeRawBufferPointer($0)) }) { return found }
        return Array(bytes).withUnsafeBytes { problem(in: $0) }
    }

    /// The line and column (each from 1; columns count characters, not bytes) of `offset`.
    package static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for i in 0..<min(offset, bytes.count) {
            let c = bytes[i]
            if c == 0x0A {
                line += 1
                column = 1
            } else if c & 0xC0 != 0x80 {
                column += 1  // a UTF-8 continuation byte is part of the character before
            }
        }
        return (line, column)
    }

    /// The check itself: a state machine over the bytes, with a stack of open containers.
    private struct Checker {
        let bytes: UnsafeRawBufferPointer
        var i = 0
        /// The open objects and arrays: whether each is an object, and where it began.
        var open: [(isObject: Bool, start: Int)] = []

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        typealias Refusal = (offset: Int, reason: String)

        mutating func run() -> Refusal? {
            if let encoding = Self.encodingProblem(bytes) { return encoding }
            skipSpace()
            guard i < bytes.count else { return (0, "there is no JSON value: the input is empty") }
            if let refusal = value() { return refusal }
            skipSpace()
            if i < bytes.count {
                return refusal(
                    i, "more after the JSON value: the input must hold one value; remove what follows, or wrap the values in an array")
            }
            return nil
        }

        func refusal(_ at: Int, _ reason: String) -> Refusal { (at, reason) }

        /// A byte-order mark or UTF-16, told before anything else so the reason names it.
        static func encodingProblem(_ bytes: UnsafeRawBufferPointer) -> Refusal? {
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                return (0, "a byte-order mark (U+FEFF) at the start: save the file as UTF-8 without a byte-order mark")
            }
            if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
                return (0, "UTF-16 text (a UTF-16 byte-order mark): save the file as UTF-8")
            }
            if bytes.count >= 2, bytes[0] == 0 || bytes[1] == 0 {
                return (0, "UTF-16 text (a NUL byte): save the file as UTF-8")
            }
            return nil
        }

        mutating func skipSpace() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x20, 0x0A, 0x0D, 0x09: i += 1
                default: return
                }
            }
        }

        /// Reads one value, with everything nested in it, iteratively.
        mutating func value() -> Refusal? {
            while true {
                // A value is expected here.
                skipSpace()
                guard i < bytes.count else { return endedInside() }
                let c = bytes[i]
                switch c {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard open.count < maximumDepth else {
                        return refusal(i, "nested deeper than \(maximumDepth) levels: flatten the data")
                    }
                    let isObject = c == UInt8(ascii: "{")
                    open.append((isObject, i))
                    i += 1
                    skipSpace()
                    if i < bytes.count, bytes[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        i += 1
                        open.removeLast()
                        break  // an empty container: a value is complete
                    }
                    if isObject {
                        if let refusal = memberName() { return refusal }
                    }
                    continue  // its first value
                case UInt8(ascii: "\""):
                    if let refusal = string() { return refusal }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if let refusal = number() { return refusal }
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    if let refusal = word() { return refusal }
                default:
                    return unexpected(where: "a value was expected")
                }
                // A value is complete: what follows it in the containers open.
                while true {
                    guard let container = open.last else { return nil }
                    skipSpace()
                    guard i < bytes.count else { return endedInside() }
                    let close = container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                    let c = bytes[i]
                    if c == close {
                        i += 1
                        open.removeLast()
                        continue
                    }
                    guard c == UInt8(ascii: ",") else {
                        if c == UInt8(ascii: "/") { return comment() }
                        let what = container.isObject ? "members of an object" : "elements of an array"
                        return refusal(
                            i,
                            "expected ',' or '\(Character(Unicode.Scalar(close)))' after a value, found \(Self.show(c)): "
                                + "put a comma between \(what), or close the \(container.isObject ? "object" : "array")")
                    }
                    let comma = i
                    i += 1
                    skipSpace()
                    if i < bytes.count, bytes[i] == close {
                        return refusal(comma, "a trailing comma before '\(Character(Unicode.Scalar(close)))': remove the comma")
                    }
                    if container.isObject, let refusal = memberName() { return refusal }
                    break
                }
            }
        }

        /// An object member's name and its colon, leaving the cursor on its value.
        mutating func memberName() -> Refusal? {
            skipSpace()
            guard i < bytes.count else { return endedInside() }
            let c = bytes[i]
            guard c == UInt8(ascii: "\"") else {
                if c == UInt8(ascii: "/") { return comment() }
                if c == UInt8(ascii: "'") {
                    return refusal(i, "a name in single quotes: JSON names and strings take double quotes (\")")
                }
                return refusal(i, "expected a member name in double quotes, found \(Self.show(c)): put the name in double quotes")
            }
            if let refusal = string() { return refusal }
            skipSpace()
            guard i < bytes.count else { return endedInside() }
            guard bytes[i] == UInt8(ascii: ":") else {
                return refusal(i, "expected ':' after a member name, found \(Self.show(bytes[i])): write \"name\": value")
            }
            i += 1
            return nil
        }

        /// A string from its opening quote; the cursor ends past the closing one.
        mutating func string() -> Refusal? {
            let start = i
            i += 1
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return nil
                }
                if c == UInt8(ascii: "\\") {
                    if let refusal = escape() { return refusal }
                    continue
                }
                if c < 0x20 {
                    if c == 0x0A {
                        return refusal(
                            start, "a string is not closed on its line: add the closing '\"' (a line break inside a string is written \\n)")
                    }
                    return refusal(i, "a control character (\(Self.show(c))) in a string: escape it (\\t, \\n, \\u0000)")
                }
                if c < 0x80 {
                    i += 1
                } else if let length = Self.utf8Length(bytes, at: i) {
                    i += length
                } else {
                    return refusal(i, "invalid UTF-8 in a string: save the file as UTF-8")
                }
            }
            return refusal(start, "a string is not closed: add the closing '\"'")
        }

        /// An escape from its backslash.
        mutating func escape() -> Refusal? {
            let start = i
            guard i + 1 < bytes.count else { return refusal(start, "a string is not closed: add the closing '\"'") }
            let e = bytes[i + 1]
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                i += 2
                return nil
            case UInt8(ascii: "u"):
                guard let unit = hex4(at: i + 2) else {
                    return refusal(start, "a \\u escape needs four hex digits (\\u00e9)")
                }
                i += 6
                if (0xDC00..<0xE000).contains(unit) {
                    return refusal(start, "a lone surrogate escape (a low half without its high half): escape the whole character")
                }
                if (0xD800..<0xDC00).contains(unit) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                        let low = hex4(at: i + 2), (0xDC00..<0xE000).contains(low)
                    else {
                        return refusal(start, "a lone surrogate escape (a high half without its low half): escape the whole character")
                    }
                    i += 6
                }
                return nil
            default:
                return refusal(start, "an unknown escape '\\\(Self.show(e))' in a string: write a backslash as \\\\")
            }
        }

        func hex4(at k: Int) -> UInt32? { JSONScan.hex4(bytes, at: k, end: bytes.count) }

        /// The length of the UTF-8 sequence at `k` (a lead byte of 0x80 or more), or `nil` when
        /// it is not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
        static func utf8Length(_ bytes: UnsafeRawBufferPointer, at k: Int) -> Int? {
            let lead = bytes[k]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return nil
            }
            guard k + length <= bytes.count, (low...high).contains(bytes[k + 1]) else { return nil }
            for j in (k + 2)..<(k + length) where bytes[j] & 0xC0 != 0x80 { return nil }
            return length
        }

        /// A number by RFC 8259's grammar that fits a double.
        mutating func number() -> Refusal? {
            let start = i
            let malformed = "a malformed number: JSON numbers have no leading zeros, '+', or bare '.' (write 0.5, not .5)"
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, Self.isDigit(bytes[i]) else {
                if i < bytes.count, bytes[i] == UInt8(ascii: "I") { return unexpected(where: "a value was expected", at: start) }
                return refusal(start, malformed)
            }
            if bytes[i] == UInt8(ascii: "0") {
                i += 1
                if i < bytes.count, Self.isDigit(bytes[i]) { return refusal(start, malformed) }
            } else {
                while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                guard i < bytes.count, Self.isDigit(bytes[i]) else { return refusal(start, malformed) }
                while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                guard i < bytes.count, Self.isDigit(bytes[i]) else { return refusal(start, malformed) }
                while i < bytes.count, Self.isDigit(bytes[i]) { i += 1 }
            }
            // A double reaches past 10^308: only a long number or one with an exponent can pass it.
            if i - start > 300 || bytes[start..<i].contains(where: { $0 | 0x20 == UInt8(ascii: "e") }) {
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                if let value = Double(text), !value.isFinite {
                    return refusal(start, "a number too large to read (beyond a double): write a smaller one")
                }
            }
            return nil
        }

        static func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

        /// `true`, `false` or `null`.
        mutating func word() -> Refusal? {
            for word in ["true", "false", "null"] as [StaticString] where bytes[i] == word.utf8Start[0] {
                let count = word.utf8CodeUnitCount
                guard i + count <= bytes.count,
                    (0..<count).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] })
                else { break }
                if i + count < bytes.count, Self.isWordByte(bytes[i + count]) { break }
                i += count
                return nil
            }
            return unexpected(where: "a value was expected")
        }

        static func isWordByte(_ c: UInt8) -> Bool {
            (c | 0x20) &- UInt8(ascii: "a") < 26 || isDigit(c) || c == UInt8(ascii: "_")
        }

        /// A comment where a value or a separator was expected.
        func comment() -> Refusal {
            refusal(i, "a comment: JSON has no comments; remove it")
        }

        /// What stands where something else was expected: a comment, a single-quoted string, a
        /// word such as `NaN`, or another character.
        func unexpected(where expected: String, at start: Int? = nil) -> Refusal {
            let k = start ?? i
            let c = bytes[k]
            if c == UInt8(ascii: "/") { return comment() }
            if c == UInt8(ascii: "'") { return refusal(k, "a string in single quotes: JSON strings take double quotes (\")") }
            if c == UInt8(ascii: "-") || Self.isWordByte(c) {
                var end = k
                if end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
                while end < bytes.count, end - k < 40, Self.isWordByte(bytes[end]) { end += 1 }
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[k..<end]), as: UTF8.self)
                return refusal(
                    k,
                    "'\(text)' is not a JSON value: write a string in double quotes, a number, true, false or null"
                        + (["NaN", "Infinity", "-Infinity"].contains(text) ? " (JSON has no NaN or Infinity)" : ""))
            }
            if c >= 0x80, Self.utf8Length(bytes, at: k) == nil { return refusal(k, "invalid UTF-8: save the file as UTF-8") }
            return refusal(k, "\(Self.show(c)) where \(expected): write an object, an array, a string, a number, true, false or null")
        }

        /// The input ended with objects or arrays open.
        func endedInside() -> Refusal {
            guard let innermost = open.last else { return refusal(bytes.count, "the input ends where a value was expected") }
            let (line, column) = JSONSyntax.position(of: innermost.start, in: bytes)
            let kind = innermost.isObject ? "object" : "array"
            let close = innermost.isObject ? "}" : "]"
            return refusal(
                bytes.count,
                "the input ends inside an \(kind) (opened at line \(line), column \(column)): is it cut short? "
                    + "It needs its closing '\(close)'")
        }

        /// A byte as a reader names it: `'x'` for printable ASCII, else its hex code.
        static func show(_ byte: UInt8) -> String {
            (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
