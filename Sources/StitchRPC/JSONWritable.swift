import StitchJSON

/// A value that writes its own JSON: the same bytes Foundation's `JSONEncoder` writes for it
/// with `[.sortedKeys, .withoutEscapingSlashes]`, without going through `Encoder`.
///
/// For the answers the daemon sends most (rankings, explanations, health, errors), where the
/// generic `Encodable` path spends more than the query itself. A writer puts each object's keys
/// in UTF-8 byte order, leaves out a `nil` optional as the synthesized `Encodable` does, and
/// formats through ``JSONOutput``. `ResponseWriterTests` checks every conformance against
/// `JSONEncoder`, so a field added to one of these types and not to its writer fails there.
protocol JSONWritable {
    /// Appends this value's JSON to `out`.
    ///
    /// - Throws: ``ResponseWriter/Unsupported`` for what only Foundation writes (a non-finite number).
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported)
}

extension String: JSONWritable {
    func writeJSON(to out: inout JSONOutput) { out.string(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        out.byte(UInt8(ascii: "["))
        for (i, element) in enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            try element.writeJSON(to: &out)
        }
        out.byte(UInt8(ascii: "]"))
    }
}
