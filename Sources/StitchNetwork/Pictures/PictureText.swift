import Foundation
import StitchModel

/// The pieces of Graphviz DOT every network picture shares: quoting, escaping, colours, numbers.
///
/// ```swift
/// PictureText.quoted("m-\"x\"")   // "\"m-\\\"x\\\"\""
/// PictureText.grouped(100_000)    // "100,000"
/// ```
enum PictureText {
    /// Community colours (Tableau 20's pairs): a light fill for members, the darker shade for ties.
    static let palette: [(fill: String, tie: String)] = [
        ("#a0cbe8", "#4e79a7"), ("#ffbe7d", "#f28e2b"), ("#8cd17d", "#59a14f"), ("#ff9d9a", "#e15759"),
        ("#d4a6c8", "#b07aa1"), ("#f1ce63", "#b6992d"), ("#86bcb6", "#499894"), ("#fabfd2", "#d37295"),
        ("#d7b5a6", "#9d7660"), ("#bab0ac", "#79706e"),
    ]
    /// The colours of small circles apart from everyone else, and of summary nodes.
    static let grey = (fill: "#e8e8e8", tie: "#9a9a9a")

    /// A DOT string literal; a line break becomes DOT's `\n` (a centred line).
    static func quoted(_ text: String) -> String {
        "\""
            + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    /// Text escaped for a Graphviz HTML-like label.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A count with thousands separated by commas: "100,000".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "1 member", "3,000 members".
    static func count(_ n: Int, _ singular: String) -> String {
        let word = Wording.count(n, singular)
        return grouped(n) + word.drop { $0 != " " }
    }

    /// `text` cut to `limit` characters, with "…" when cut.
    static func short(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// "around Catford" → "Catford"; none for a centre named only by its coordinates.
    static func place(_ area: String?) -> String? {
        guard let area else { return nil }
        let place = area.hasPrefix("around ") ? String(area.dropFirst(7)) : area
        // A centre no neighbourhood is near is named by its coordinates: no help on a picture.
        guard let first = place.first, !first.isNumber, first != "-" else { return nil }
        return place
    }

    /// A legend line led by a coloured square: "■ a community: …".
    static func legendRow(_ text: String, fill: String) -> String {
        "<tr><td colspan=\"2\" align=\"left\"><font color=\"\(fill)\">■</font> \(Self.html(text))</td></tr>"
    }

    /// A legend row of text across both columns; bold when asked.
    static func legendLine(_ text: String, bold: Bool = false) -> String {
        let body = bold ? "<b>\(Self.html(text))</b>" : Self.html(text)
        return "<tr><td colspan=\"2\" align=\"left\">\(body)</td></tr>"
    }

    /// The legend table from its rows.
    static func table(_ rows: [String]) -> String {
        "<table border=\"0\" cellspacing=\"2\" cellpadding=\"1\">" + rows.joined() + "</table>"
    }
}
