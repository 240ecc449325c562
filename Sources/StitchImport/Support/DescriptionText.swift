import StitchModel

/// A source's description of an activity made fit to store as ``StitchModel/Activity/description``.
///
/// Feeds publish descriptions as they show them on a web page: with HTML tags and entities
/// (`Avoid the queues <br>\r\nSuitable for kids`), runs of spaces and line breaks, or a
/// placeholder such as `-`. The cleaned text has the tags removed (when the source may carry
/// HTML), entities decoded, control characters and every run of white space turned into one
/// space, and no white space at either end. A text with no letter or digit left is no
/// description. A text longer than ``StitchModel/RecordBounds/maximumTextBytes`` bytes of UTF-8 is
/// cut at a character boundary, with a note, rather than refusing the record.
enum DescriptionText {
    /// The cleaned description (`nil` when nothing is left) and, when it was cut, a note saying so.
    static func clean(_ raw: String, html: Bool) -> (text: String?, note: String?) {
        var scalars = Array(raw.unicodeScalars)
        if html { scalars = decodeEntities(stripTags(scalars)) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in scalars {
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = true
                continue
            }
            if pendingSpace, !out.isEmpty { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        let text = String(out)
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
        else { return (nil, nil) }
        let limit = RecordBounds.maximumTextBytes
        let bytes = text.utf8.count
        guard bytes > limit else { return (text, nil) }
        var cut = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            guard used + size <= limit else { break }
            cut.append(character)
            used += size
        }
        while cut.last?.isWhitespace == true { cut.removeLast() }
        let note = "is \(bytes) bytes of UTF-8, more than the \(limit) a text may hold; cut to its first \(cut.utf8.count)"
        return (cut, note)
    }

    /// The cleaned description in a source record's `value` (absent or `null`: none); what was
    /// wrong with it, or that it was cut, is noted against `field`.
    static func read(
        _ value: JSONValue?, html: Bool, field: String, note: (_ field: String, _ reason: String) -> Void
    ) -> String? {
        switch value {
        case nil, .null?:
            return nil
        case .string(let raw)?:
            let (text, problem) = clean(raw, html: html)
            if let problem { note(field, problem) }
            return text
        case let other?:
            note(field, "expected text, found \(other.typeName); left out")
            return nil
        }
    }

    // MARK: - HTML

    /// Tags after which a line break or a new block begins: each becomes a space, so the words on
    /// either side stay apart. Other tags (`<b>`, `<a href=…>`) are removed without a trace.
    static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
        "table", "blockquote", "section", "article", "header", "footer", "hr", "pre",
    ]

    /// The text without its tags and comments, and without the content of `script` and `style`.
    /// A `<` that does not open a tag (`ages <5`, `a < b`) is kept.
    static func stripTags(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        // Once no `>` follows a `<`, none follows a later one: not searched again (no quadratic time).
        var closed = true
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard scalar == "<", i + 1 < scalars.count else {
                out.append(scalar)
                i += 1
                continue
            }
            let next = scalars[i + 1]
            if next == "!", starts(scalars, at: i, with: "<!--") {
                guard let end = find(scalars, "-->", from: i + 4) else { break }
                i = end + 3
                continue
            }
            let opensTag = next.properties.isAlphabetic || next == "/" || next == "!" || next == "?"
            let close = opensTag && closed ? scalars[(i + 1)...].firstIndex(of: ">") : nil
            if opensTag, close == nil { closed = false }
            guard let close else {
                out.append(scalar)
                i += 1
                continue
            }
            let nameStart = next == "/" ? i + 2 : i + 1
            let name = String(
                String.UnicodeScalarView(
                    scalars[nameStart..<close].prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
            ).lowercased()
            i = close + 1
            if blockTags.contains(name) { out.append(" ") }
            if next != "/", name == "script" || name == "style" {
                // Skip the content up to the closing tag (or to the end, when there is none).
                i = find(scalars, "</\(name)", from: i, caseInsensitive: true).flatMap { end in
                    scalars[end...].firstIndex(of: ">").map { $0 + 1 }
                } ?? scalars.count
                out.append(" ")
            }
        }
        return out
    }

    /// Named entities met in activity descriptions, by name.
    static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "pound": "£", "euro": "€", "copy": "©", "reg": "®", "trade": "™", "lsquo": "‘", "rsquo": "’",
        "ldquo": "“", "rdquo": "”", "bull": "•", "middot": "·", "deg": "°", "frac12": "½", "eacute": "é",
        "egrave": "è", "agrave": "à", "ccedil": "ç", "ouml": "ö", "uuml": "ü", "auml": "ä",
    ]

    /// The text with `&name;`, `&#NNN;` and `&#xHH;` replaced by their characters; an entity it
    /// does not know, or a number that is no character, is kept as written.
    static func decodeEntities(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard scalar == "&",
                let end = scalars[(i + 1)...].prefix(12).firstIndex(of: ";"), end > i + 1
            else {
                out.append(scalar)
                i += 1
                continue
            }
            let body = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
            var decoded: Unicode.Scalar?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                decoded = entities[body] ?? entities[body.lowercased()]
            }
            if let decoded, decoded != "\0" {
                out.append(decoded)
                i = end + 1
            } else {
                out.append(scalar)
                i += 1
            }
        }
        return out
    }

    private static func starts(_ scalars: [Unicode.Scalar], at i: Int, with prefix: String) -> Bool {
        let wanted = Array(prefix.unicodeScalars)
        guard i + wanted.count <= scalars.count else { return false }
        return Array(scalars[i..<(i + wanted.count)]) == wanted
    }

    /// Where `text` next occurs from `start`, or `nil`.
    private static func find(
        _ scalars: [Unicode.Scalar], _ text: String, from start: Int, caseInsensitive: Bool = false
    ) -> Int? {
        let wanted = Array((caseInsensitive ? text.lowercased() : text).unicodeScalars)
        guard !wanted.isEmpty, start + wanted.count <= scalars.count else { return nil }
        for i in start...(scalars.count - wanted.count) {
            var match = true
            for (k, w) in wanted.enumerated() {
                var s = scalars[i + k]
                if caseInsensitive, ("A"..."Z").contains(s) { s = Unicode.Scalar(s.value + 32)! }
                if s != w {
                    match = false
                    break
                }
            }
            if match { return i }
        }
        return nil
    }
}
