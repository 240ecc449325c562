import Foundation

/// The fields of a form as a browser sends them: `application/x-www-form-urlencoded`, or
/// `multipart/form-data` when the form uploads a file. A name may repeat (checkboxes).
///
/// Only reading: what the fields mean is for the use case's params reader
/// (`MethodParams.decode`), to which each page hands them as JSON.
public struct FormFields: Sendable {
    /// The fields in the order sent.
    public private(set) var pairs: [(name: String, value: String)] = []
    /// Uploaded files by field name: the file's name and bytes.
    public private(set) var files: [String: UploadedFile] = [:]

    /// A file sent with a form.
    public struct UploadedFile: Sendable {
        public var filename: String
        public var data: Data
    }

    public init() {}

    public init(pairs: [(name: String, value: String)], files: [String: UploadedFile] = [:]) {
        self.pairs = pairs
        self.files = files
    }

    /// The first value of a field, trimmed; `nil` when absent or empty.
    public subscript(name: String) -> String? {
        guard let raw = pairs.first(where: { $0.name == name })?.value else { return nil }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// The first value as sent (a password is not trimmed), or `nil`.
    public func raw(_ name: String) -> String? { pairs.first(where: { $0.name == name })?.value }

    /// Every non-empty value of a field (checkboxes), in order.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    /// Whether a checkbox was ticked.
    public func isChecked(_ name: String) -> Bool { self[name] != nil }

    /// Reads a body of the given content type; `nil` for a type a form does not send.
    public init?(body: Data, contentType: String) {
        let lowered = contentType.lowercased()
        if lowered.hasPrefix("application/x-www-form-urlencoded") {
            self.init(urlEncoded: body)
        } else if lowered.hasPrefix("multipart/form-data"), let boundary = Self.boundary(in: contentType) {
            self.init(multipart: body, boundary: boundary)
        } else {
            return nil
        }
    }

    /// `a=1&b=two+words&c=%C3%A9`.
    public init(urlEncoded body: Data) {
        let text = String(decoding: body, as: UTF8.self)
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.percentDecoded(kv[0])
            let value = kv.count > 1 ? Self.percentDecoded(kv[1]) : ""
            pairs.append((name, value))
        }
    }

    private static func percentDecoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let kv = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, kv[0].lowercased() == "boundary" else { continue }
            let value = kv[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A `multipart/form-data` body: parts between `--boundary` lines, each with its headers
    /// (`Content-Disposition: form-data; name="x"; filename="y"`), a blank line and its bytes.
    public init(multipart body: Data, boundary: String) {
        let delimiter = Data("--\(boundary)".utf8)
        let bytes = [UInt8](body)
        var starts: [Int] = []
        var searchFrom = 0
        while let found = Self.find(Array(delimiter), in: bytes, from: searchFrom) {
            starts.append(found)
            searchFrom = found + delimiter.count
        }
        for (index, start) in starts.enumerated() where index + 1 < starts.count {
            var partStart = start + delimiter.count
            // The delimiter's own line break.
            if partStart + 1 < bytes.count, bytes[partStart] == 13, bytes[partStart + 1] == 10 { partStart += 2 }
            var partEnd = starts[index + 1]
            // The line break before the next delimiter belongs to it.
            if partEnd >= 2, bytes[partEnd - 2] == 13, bytes[partEnd - 1] == 10 { partEnd -= 2 }
            guard partStart <= partEnd else { continue }
            let part = Array(bytes[partStart..<partEnd])
            guard let split = Self.find([13, 10, 13, 10], in: part, from: 0) else { continue }
            let headers = String(decoding: part[0..<split], as: UTF8.self)
            let content = Data(part[(split + 4)...])
            guard let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }) else { continue }
            let name = Self.parameter("name", in: String(disposition))
            let filename = Self.parameter("filename", in: String(disposition))
            guard let name else { continue }
            if let filename {
                if !filename.isEmpty || !content.isEmpty { files[name] = UploadedFile(filename: filename, data: content) }
            } else {
                pairs.append((name, String(decoding: content, as: UTF8.self)))
            }
        }
    }

    /// `name="value"` in a header line.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard kv.count == 2, kv[0].lowercased() == key else { continue }
            var value = kv[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
