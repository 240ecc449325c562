import Foundation
import StitchModel

/// Where each record of a community file's four lists lies, found by one pass over the bytes
/// without decoding anything, so that the records can then be decoded in parallel.
///
/// The scan understands just enough JSON to find the records: strings (with escapes), nesting,
/// and the top-level object's keys. Anything it does not expect (a file that is not an object,
/// a key with an escape, a list that is not an array, a key given twice, trailing bytes) makes
/// it give up, and the caller decodes the file whole, which reports the exact problem.
struct CommunityFileLayout {
    /// The byte ranges of each record, by list (`members`, `activities`, `exchanges`, `attendance`).
    var records: [String: [Range<Int>]] = [:]
    /// The top-level object's keys, each in the order met.
    var keys: [String] = []
    /// The byte ranges of the values of the other keys (not scanned as records).
    var otherValues: [Range<Int>] = []

    static let lists = Community.fileKeys

    /// Scans a file; `nil` when it is not the plain shape (see the type's notes).
    static func scan(_ data: Data) -> CommunityFileLayout? {
        data.withUnsafeBytes { raw -> CommunityFileLayout? in
            var scanner = Scanner(bytes: raw.bindMemory(to: UInt8.self))
            return scanner.file()
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let comma = UInt8(ascii: ","), colon = UInt8(ascii: ":")

        var atEnd: Bool { i >= bytes.count }
        var current: UInt8 { bytes[i] }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard !atEnd, current == byte else { return false }
            i += 1
            return true
        }

        /// Skips a string whose opening quote is at `i`; false when it never closes.
        mutating func skipString() -> Bool {
            i += 1
            while i < bytes.count {
                let c = bytes[i]
                if c == Self.backslash {
                    i += 2
                } else if c == Self.quote {
                    i += 1
                    return true
                } else {
                    i += 1
                }
            }
            return false
        }

        /// Skips one value (object, array, string or scalar); false when it runs off the end.
        mutating func skipValue() -> Bool {
            skipSpace()
            guard !atEnd else { return false }
            switch current {
            case Self.quote:
                return skipString()
            case Self.openBrace, Self.openBracket:
                var depth = 0
                while i < bytes.count {
                    let c = bytes[i]
                    if c == Self.quote {
                        guard skipString() else { return false }
                        continue
                    }
                    if c == Self.openBrace || c == Self.openBracket { depth += 1 }
                    if c == Self.closeBrace || c == Self.closeBracket {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            return true
                        }
                    }
                    i += 1
                }
                return false
            default:
                let start = i
                while i < bytes.count {
                    let c = bytes[i]
                    if c == Self.comma || c == Self.closeBrace || c == Self.closeBracket || c <= 0x20 { break }
                    i += 1
                }
                return i > start
            }
        }

        /// A key without escapes.
        mutating func key() -> String? {
            skipSpace()
            guard !atEnd, current == Self.quote else { return nil }
            let start = i + 1
            guard skipString() else { return nil }
            let end = i - 1
            guard !bytes[start..<end].contains(where: { $0 == Self.backslash || $0 < 0x20 }) else { return nil }
            return String(validating: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        mutating func records() -> [Range<Int>]? {
            guard expect(Self.openBracket) else { return nil }
            var found: [Range<Int>] = []
            skipSpace()
            if !atEnd, current == Self.closeBracket {
                i += 1
                return found
            }
            while true {
                skipSpace()
                let start = i
                guard skipValue() else { return nil }
                found.append(start..<i)
                skipSpace()
                guard !atEnd else { return nil }
                if current == Self.comma {
                    i += 1
                } else if current == Self.closeBracket {
                    i += 1
                    return found
                } else {
                    return nil
                }
            }
        }

        mutating func file() -> CommunityFileLayout? {
            var layout = CommunityFileLayout()
            guard expect(Self.openBrace) else { return nil }
            skipSpace()
            if !atEnd, current == Self.closeBrace {
                i += 1
            } else {
                while true {
                    guard let key = key(), expect(Self.colon) else { return nil }
                    layout.keys.append(key)
                    if CommunityFileLayout.lists.contains(key) {
                        guard layout.records[key] == nil, let found = records() else { return nil }
                        layout.records[key] = found
                    } else {
                        skipSpace()
                        let start = i
                        guard skipValue() else { return nil }
                        layout.otherValues.append(start..<i)
                    }
                    skipSpace()
                    guard !atEnd else { return nil }
                    if current == Self.comma {
                        i += 1
                    } else if current == Self.closeBrace {
                        i += 1
                        break
                    } else {
                        return nil
                    }
                }
            }
            skipSpace()
            return atEnd ? layout : nil
        }
    }
}
