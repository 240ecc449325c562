import StitchApplication
import StitchJSON

// The protocol's own answers, written directly (see ``JSONWritable``). Keys in UTF-8 byte order.

extension RPCID: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        switch self {
        case .string(let s): out.string(s)
        case .integer(let i): out.integer(i)
        case .number(let d): try out.number(d)
        case .literal(let text): out.append(Array(text.utf8))
        case .null: out.null()
        }
    }
}

extension ServiceError: JSONWritable {
    func writeJSON(to out: inout JSONOutput) {
        out.raw(#"{"code":"#)
        out.integer(code)
        if let data {
            out.raw(#","data":{"#)
            if let errors = data.errors {
                out.raw(#""errors":["#)
                for (i, error) in errors.enumerated() {
                    if i > 0 { out.byte(UInt8(ascii: ",")) }
                    out.raw(#"{"field":"#)
                    out.string(error.field)
                    out.raw(#","reason":"#)
                    out.string(error.reason)
                    out.byte(UInt8(ascii: "}"))
                }
                out.raw(#"],"#)
            }
            out.raw(#""field":"#)
            out.string(data.field)
            out.raw(#","reason":"#)
            out.string(data.reason)
            out.byte(UInt8(ascii: "}"))
        }
        out.raw(#","message":"#)
        out.string(message)
        out.byte(UInt8(ascii: "}"))
    }
}

extension MethodResults.Health: JSONWritable {
    func writeJSON(to out: inout JSONOutput) {
        out.raw(#"{"activities":"#)
        out.integer(activities)
        out.raw(#","dbsExpiring":["#)
        for (i, check) in dbsExpiring.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.raw(#"{"expired":"#)
            out.bool(check.expired)
            out.raw(#","expires":"#)
            out.string(check.expires.description)
            out.raw(#","level":"#)
            out.string(check.level.rawValue)
            out.raw(#","member":"#)
            out.string(check.member)
            out.byte(UInt8(ascii: "}"))
        }
        out.raw(#"],"meaning":"#)
        out.string(meaning)
        out.raw(#","members":"#)
        out.integer(members)
        out.raw(#","notes":["#)
        for (i, note) in notes.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.string(note)
        }
        out.raw(#"],"rebuildPending":"#)
        out.bool(rebuildPending)
        out.raw(#","referenceDate":"#)
        out.string(referenceDate)
        out.raw(#","status":"#)
        out.string(status)
        out.byte(UInt8(ascii: "}"))
    }
}
