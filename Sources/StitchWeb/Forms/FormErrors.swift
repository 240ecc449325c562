import StitchApplication
import StitchModel

/// The errors of a form: a message beside each field named, and every message in the summary
/// at the top, in plain English.
///
/// A ``ServiceError`` names the params path of the bad input (`params.referral.person.location.lat`);
/// each page says which of its fields a path belongs to (the longest matching prefix wins), and
/// how that field is called, so the message reads "Latitude: expected a number".
struct FormErrors: Sendable {
    /// Form field → message.
    private(set) var byField: [String: String] = [:]
    /// In order, for the summary.
    private(set) var summary: [FormErrorView] = []

    var isEmpty: Bool { summary.isEmpty }

    /// A page's fields: which params path goes to which field, and each field's label.
    struct FieldMap: Sendable {
        var paths: [(prefix: String, field: String)]
        var labels: [String: String]

        /// The field a params path belongs to, or `nil`.
        func field(for path: String) -> String? {
            paths.filter { path == $0.prefix || path.hasPrefix($0.prefix + ".") || path.hasPrefix($0.prefix + "[") }
                .max { $0.prefix.count < $1.prefix.count }?.field
        }
    }

    /// Adds a message for a form field (or for the form as a whole when `field` is `nil`).
    mutating func add(_ message: String, field: String?, label: String? = nil) {
        let sentence = Self.sentence(message, label: label)
        if let field, byField[field] == nil { byField[field] = sentence }
        summary.append(FormErrorView(message: sentence, anchor: field))
    }

    /// Adds a service's error, each problem at its field.
    mutating func add(_ error: ServiceError, map: FieldMap) {
        let problems: [(field: String, reason: String)]
        if let all = error.data?.errors, !all.isEmpty {
            problems = all.map { ($0.field, $0.reason) }
        } else if let data = error.data {
            problems = [(data.field, data.reason)]
        } else {
            problems = []
        }
        if problems.isEmpty {
            add(Self.plainMessage(error), field: nil)
            return
        }
        for problem in problems.prefix(10) {
            let field = map.field(for: problem.field)
            add(problem.reason, field: field, label: field.flatMap { map.labels[$0] })
        }
    }

    /// "Latitude: expected a number", "Latitude is required", or the reason alone, as a sentence.
    static func sentence(_ reason: String, label: String?) -> String {
        var text = reason
        if let label {
            let joins = ["is ", "must ", "holds ", "names ", "has "].contains { reason.hasPrefix($0) }
            text = joins ? "\(label) \(reason)" : "\(label): \(reason)"
        } else if let first = text.first {
            text = first.uppercased() + text.dropFirst()
        }
        if let last = text.last, !".?!".contains(last) { text += "." }
        return text
    }

    /// A message for an error without a field: what went wrong, in words for a person.
    static func plainMessage(_ error: ServiceError) -> String {
        switch ServiceError.Code(rawValue: error.code) {
        case .internalError?: "Stitch could not do that just now, and nothing was changed. Try again in a moment."
        default: error.message
        }
    }
}
