import Foundation

/// A use case's params built from a form's fields as JSON, for the application layer's one
/// reader (`MethodParams.decode(_:from:)`): the page decides which field goes where, the reader
/// decides whether it is valid. A number field holding something that is not a number is sent
/// as the text typed, so the reader refuses it at its own path ("expected a number") rather
/// than the page guessing.
enum ParamsJSON {
    /// A number as typed: an integer or a decimal when it reads as one, else the text itself.
    static func number(_ text: String) -> Any {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let whole = Int(trimmed) { return whole }
        if let decimal = Double(trimmed), decimal.isFinite { return decimal }
        return trimmed
    }

    /// Comma-separated words as a list: `"walking, woodwork"` → `["walking", "woodwork"]`.
    static func list(_ text: String?, separators: String = ",;") -> [String] {
        guard let text else { return [] }
        return text.split(whereSeparator: { separators.contains($0) || $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The JSON bytes of an object of plain values (strings, numbers, booleans, arrays, objects).
    static func data(_ object: [String: Any]) -> Data {
        // Only values of those kinds are put in: serialization cannot fail on them.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
