import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the command's output goes to: its width in columns, and whether it is a terminal.
///
/// Tables fit the width: names are shortened with "…" and, on a narrow terminal, the per-factor
/// columns give way to a line of their own. Output that is not a terminal (a pipe, a file) gets
/// the same plain text, never colour or cursor codes, at the width `COLUMNS` says (else 100).
struct Terminal: Sendable {
    /// The width tables are laid out for.
    let columns: Int

    /// The narrowest layout Stitch draws; anything narrower is laid out at this width.
    static let minimumColumns = 40

    static func current() -> Terminal {
        var width = 0
        if isatty(STDOUT_FILENO) == 1 {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 { width = Int(size.ws_col) }
        }
        if width == 0, let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 {
            width = value
        }
        return Terminal(columns: max(width == 0 ? 100 : width, minimumColumns))
    }

    /// `text` cut to `width` characters, ending with "…" when it was cut.
    static func fit(_ text: String, _ width: Int) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + "…"
    }

    /// `text` fitted to `width` and padded with spaces to exactly `width` characters.
    static func cell(_ text: String, _ width: Int) -> String {
        let fitted = fit(text, width)
        return fitted + String(repeating: " ", count: max(0, width - fitted.count))
    }

    /// `text` broken at spaces into lines of at most `columns` characters, each after `indent`
    /// (a word longer than a line is cut with "…").
    func wrap(_ text: String, indent: String) -> [String] {
        let width = max(columns - indent.count, 10)
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let word = Self.fit(String(word), width)
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(indent + line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(indent + line) }
        return lines
    }
}
