/// One input of a form as a template shows it: its name (also its id), label, hint, the value
/// sent (so a form with an error comes back filled in) and the error beside it.
///
/// The property names are distinct from every other view's, so that a template looking up a
/// missing one never finds another's by climbing Mustache's context stack.
struct FieldView: Sendable {
    var fieldName: String
    var fieldLabel: String
    var fieldHint: String?
    var fieldValue: String
    var fieldError: String?
    var fieldType: String
    var fieldMode: String?
    var fieldStep: String?
    var fieldAutocomplete: String?
    /// The ids of the hint and the error, for `aria-describedby`.
    var fieldDescribedBy: String?

    init(
        _ name: String, label: String, hint: String? = nil, value: String? = nil, error: String? = nil, type: String = "text",
        mode: String? = nil, step: String? = nil, autocomplete: String? = "off"
    ) {
        fieldName = name
        fieldLabel = label
        fieldHint = hint
        fieldValue = value ?? ""
        fieldError = error
        fieldType = type
        fieldMode = mode
        fieldStep = step
        fieldAutocomplete = autocomplete
        let ids = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }
        fieldDescribedBy = ids.isEmpty ? nil : ids.joined(separator: " ")
    }
}

/// A group of checkboxes sharing a name.
struct ChoiceGroupView: Sendable {
    struct Choice: Sendable {
        var choiceValue: String
        var choiceLabel: String
        var choiceChecked: Bool
    }

    var groupName: String
    var groupLegend: String
    var groupHint: String?
    var groupError: String?
    var choices: [Choice]

    init(_ name: String, legend: String, hint: String? = nil, error: String? = nil, choices: [(value: String, label: String)], checked: [String]) {
        groupName = name
        groupLegend = legend
        groupHint = hint
        groupError = error
        self.choices = choices.map { Choice(choiceValue: $0.value, choiceLabel: $0.label, choiceChecked: checked.contains($0.value)) }
    }
}

/// One error of a form, for the summary at its top: the message and the field it links to.
struct FormErrorView: Sendable {
    var message: String
    var anchor: String?
}

/// A score bar's width class (`w-80`), for the `bar` partial.
struct BarView: Sendable {
    var barWidth: String

    init(_ value: Double) { barWidth = Stylesheet.widthClass(value) }
}
