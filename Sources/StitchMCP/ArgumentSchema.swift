import MCP

/// The building blocks of the tools' `inputSchema`s: JSON Schema (draft 2020-12) as the SDK's
/// `Value`.
///
/// Every object is closed (`additionalProperties: false`), since the application layer's reader
/// refuses a key it does not know; every bound is the one the reader applies
/// (`RecordBounds`, `Engine.maximumLimit`), and every list of names comes from the type that
/// reads it, so a schema says no more and no less than ``MethodParams`` takes.
enum ArgumentSchema {
    /// A closed object with these properties; `requiredAnyOf` lists sets of keys at least one of
    /// which must be given in full (a request's `requester` or `location`).
    static func object(
        _ properties: [String: Value], required: [String] = [], requiredAnyOf: [[String]] = [],
        description: String? = nil
    ) -> Value {
        var schema: [String: Value] = [
            "type": "object", "properties": .object(properties), "additionalProperties": false,
        ]
        if !required.isEmpty { schema["required"] = .array(required.map { .string($0) }) }
        if !requiredAnyOf.isEmpty {
            schema["anyOf"] = .array(requiredAnyOf.map { ["required": .array($0.map { .string($0) })] })
        }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    /// A string; `oneOf` names the values allowed, when they are a fixed set.
    static func string(
        _ description: String, minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil,
        oneOf: [String]? = nil,
        default value: String? = nil
    ) -> Value {
        var schema: [String: Value] = ["type": "string", "description": .string(description)]
        if let minLength { schema["minLength"] = .int(minLength) }
        if let maxLength { schema["maxLength"] = .int(maxLength) }
        if let pattern { schema["pattern"] = .string(pattern) }
        if let oneOf { schema["enum"] = .array(oneOf.map { .string($0) }) }
        if let value { schema["default"] = .string(value) }
        return .object(schema)
    }

    /// A whole number, within `range` when given, else at least `minimum`.
    static func integer(
        _ description: String, in range: ClosedRange<Int>? = nil, minimum: Int? = nil, default value: Int? = nil
    ) -> Value {
        var schema: [String: Value] = ["type": "integer", "description": .string(description)]
        if let range {
            schema["minimum"] = .int(range.lowerBound)
            schema["maximum"] = .int(range.upperBound)
        } else if let minimum {
            schema["minimum"] = .int(minimum)
        }
        if let value { schema["default"] = .int(value) }
        return .object(schema)
    }

    /// A number within `range`; `exclusiveMinimum` makes its lower bound excluded.
    static func number(_ description: String, in range: ClosedRange<Double>, exclusiveMinimum: Bool = false) -> Value {
        var schema: [String: Value] = ["type": "number", "description": .string(description)]
        schema[exclusiveMinimum ? "exclusiveMinimum" : "minimum"] = .double(range.lowerBound)
        schema["maximum"] = .double(range.upperBound)
        return .object(schema)
    }

    /// `true` or `false`.
    static func boolean(_ description: String, default value: Bool) -> Value {
        ["type": "boolean", "description": .string(description), "default": .bool(value)]
    }

    /// A list of `items`.
    static func array(_ items: Value, _ description: String, minItems: Int? = nil, maxItems: Int) -> Value {
        var schema: [String: Value] = [
            "type": "array", "items": items, "description": .string(description), "maxItems": .int(maxItems),
        ]
        if let minItems { schema["minItems"] = .int(minItems) }
        return .object(schema)
    }

    /// One of several shapes (an id or an inline record).
    static func oneOf(_ choices: [Value], _ description: String) -> Value {
        ["oneOf": .array(choices), "description": .string(description)]
    }

    /// `schema` with its description replaced: a shared shape described where it is used.
    static func described(_ schema: Value, _ description: String) -> Value {
        guard case .object(var fields) = schema else { return schema }
        fields["description"] = .string(description)
        return .object(fields)
    }
}
