import StitchModel

/// A record the import reads straight from its bytes, without `Codable` containers.
///
/// `read` returns the record exactly as its `init(from:)` decodes it through `JSONDecoder`, or
/// `nil` whenever that decoder would throw, or the record has anything unusual (an unknown or
/// repeated key, an escape in a key): the caller then decodes that record with `JSONDecoder`,
/// which gives the value or the error with its field path. So the direct path changes the speed
/// of an import, never its outcome.
protocol DirectDecodable: Decodable, Sendable {
    /// Reads one record (an object) at the cursor; `nil` to leave it to `JSONDecoder`.
    static func read(_ json: inout JSONBytes) -> Self?
}
