extension JSONValue: Encodable {
    /// Writes the tree back as JSON, so that a record assembled from another format (a CSV row)
    /// can be read by the model's own decoder and checked exactly as a JSON record is.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let members): try container.encode(members)
        }
    }
}
