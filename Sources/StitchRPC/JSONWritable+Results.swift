import StitchApplication
import StitchEngine
import StitchJSON

// The engine's answers, written directly (see ``JSONWritable``). Keys in UTF-8 byte order.

extension Ranking: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        // A referral's reading (rare, and never on the hot path) is left to Foundation.
        guard reading == nil else { throw ResponseWriter.Unsupported() }
        out.raw(#"{"considered":"#)
        out.integer(considered)
        out.raw(#","excluded":"#)
        excluded.writeJSON(to: &out)
        out.raw(#","matches":"#)
        try matches.writeJSON(to: &out)
        out.raw(#","notes":"#)
        try notes.writeJSON(to: &out)
        if let oneToOne {
            out.raw(#","oneToOne":"#)
            try oneToOne.writeJSON(to: &out)
        }
        out.byte(UInt8(ascii: "}"))
    }
}

extension OneToOneRanking: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        out.raw(#"{"considered":"#)
        out.integer(considered)
        out.raw(#","excluded":"#)
        excluded.writeJSON(to: &out)
        out.raw(#","first":"#)
        out.bool(first)
        out.raw(#","matches":"#)
        try matches.writeJSON(to: &out)
        out.raw(#","why":"#)
        out.string(why)
        out.byte(UInt8(ascii: "}"))
    }
}

extension Match: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        out.byte(UInt8(ascii: "{"))
        if let buddy {
            out.raw(#""buddy":"#)
            try buddy.writeJSON(to: &out)
            out.byte(UInt8(ascii: ","))
        }
        if let constraints {
            out.raw(#""constraints":"#)
            try constraints.writeJSON(to: &out)
            out.byte(UInt8(ascii: ","))
        }
        if let distanceKm {
            out.raw(#""distanceKm":"#)
            try out.number(distanceKm)
            out.byte(UInt8(ascii: ","))
        }
        if let excludedBy {
            out.raw(#""excludedBy":"#)
            try excludedBy.writeJSON(to: &out)
            out.byte(UInt8(ascii: ","))
        }
        out.raw(#""factors":"#)
        try factors.writeJSON(to: &out)
        out.raw(#","id":"#)
        out.string(id)
        out.raw(#","kind":"#)
        out.string(kind.rawValue)
        if let lift {
            out.raw(#","lift":"#)
            try lift.writeJSON(to: &out)
        }
        if let name {
            out.raw(#","name":"#)
            out.string(name)
        }
        out.raw(#","reasons":"#)
        try reasons.writeJSON(to: &out)
        out.raw(#","score":"#)
        try out.number(score)
        if let skill {
            out.raw(#","skill":"#)
            out.string(skill)
        }
        if let support {
            out.raw(#","support":"#)
            out.string(support.rawValue)
        }
        out.byte(UInt8(ascii: "}"))
    }
}

extension Lift: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        out.raw(#"{"distanceKm":"#)
        try out.number(distanceKm)
        out.raw(#","id":"#)
        out.string(id)
        if let name {
            out.raw(#","name":"#)
            out.string(name)
        }
        out.raw(#","reasons":"#)
        try reasons.writeJSON(to: &out)
        out.byte(UInt8(ascii: "}"))
    }
}

extension Buddy: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        out.byte(UInt8(ascii: "{"))
        if let distanceKm {
            out.raw(#""distanceKm":"#)
            try out.number(distanceKm)
            out.byte(UInt8(ascii: ","))
        }
        out.raw(#""factors":"#)
        try factors.writeJSON(to: &out)
        out.raw(#","id":"#)
        out.string(id)
        if let name {
            out.raw(#","name":"#)
            out.string(name)
        }
        out.raw(#","reasons":"#)
        try reasons.writeJSON(to: &out)
        out.raw(#","score":"#)
        try out.number(score)
        out.byte(UInt8(ascii: "}"))
    }
}

extension FactorScores: JSONWritable {
    func writeJSON(to out: inout JSONOutput) throws(ResponseWriter.Unsupported) {
        out.raw(#"{"availability":"#)
        try out.number(availability)
        out.raw(#","bridging":"#)
        try out.number(bridging)
        out.raw(#","locality":"#)
        try out.number(locality)
        out.raw(#","reciprocity":"#)
        try out.number(reciprocity)
        out.raw(#","skill":"#)
        try out.number(skill)
        out.raw(#","wellbeing":"#)
        try out.number(wellbeing)
        out.byte(UInt8(ascii: "}"))
    }
}

extension ExclusionCounts: JSONWritable {
    /// Every reason, zero or not, keyed by its name: the reasons in the order their names sort.
    private static let sortedReasons: [(reason: ExclusionReason, key: [UInt8])] = ExclusionReason.allCases
        .map { reason in
            var key = JSONOutput(capacity: 16)
            key.string(reason.rawValue)
            return (reason, key.bytes + [UInt8(ascii: ":")])
        }
        .sorted { $0.reason.rawValue.utf8.lexicographicallyPrecedes($1.reason.rawValue.utf8) }

    func writeJSON(to out: inout JSONOutput) {
        out.byte(UInt8(ascii: "{"))
        for (i, entry) in Self.sortedReasons.enumerated() {
            if i > 0 { out.byte(UInt8(ascii: ",")) }
            out.append(entry.key)
            out.integer(self[entry.reason])
        }
        out.byte(UInt8(ascii: "}"))
    }
}

extension ConstraintCheck: JSONWritable {
    func writeJSON(to out: inout JSONOutput) {
        out.raw(#"{"constraint":"#)
        out.string(constraint.rawValue)
        out.raw(#","detail":"#)
        out.string(detail)
        out.raw(#","passed":"#)
        out.bool(passed)
        out.byte(UInt8(ascii: "}"))
    }
}

extension ExclusionReason: JSONWritable {
    func writeJSON(to out: inout JSONOutput) { out.string(rawValue) }
}
