@testable import StitchApplication
import Foundation
import StitchEngine
import StitchGenerator
import StitchJSON
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC

/// The hand-written writers give exactly what `JSONEncoder` gives (sorted keys, unescaped
/// slashes) for the same values: generated rankings and explanations with every optional field
/// present or not, awkward strings and doubles, errors, ids and health.
@Suite("Hand-written JSON writers")
struct JSONWritableTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func written<T: JSONWritable>(_ value: T) throws -> Data {
        var out = JSONOutput()
        try value.writeJSON(to: &out)
        return Data(out.bytes)
    }

    static func expectSame(_ fast: Data, _ expected: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(
            fast == expected,
            "\(String(decoding: fast, as: UTF8.self))\n≠\n\(String(decoding: expected, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    static let texts: [String] = {
        var controls = ""
        for c in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        return [
            "", "plain", controls, "/\"\\\u{7F}é☕︎\u{2028}😀", "Maud O'Neill", "a/b\\c\"d", "日本語のテキスト",
            "tab\there\nnewline", String(repeating: "long text ", count: 40), "\u{0}", "🇬🇧👨‍👩‍👧",
            // A bridged string (not stored natively) takes the writer's other path.
            NSString(string: "bridged é \"quoted\"") as String,
        ]
    }()

    static let specials: [Double] = [
        0, -0.0, 1, -1, 0.1, 0.5, 1e20, 1e21, 1e-7, 123456789.125, .leastNonzeroMagnitude,
        .leastNormalMagnitude, .greatestFiniteMagnitude, 1e16, 2.0 / 3.0, 100, 0.30000000000000004,
    ]

    struct Generator {
        var random = SplitMix64(seed: 2026)

        mutating func double() -> Double {
            let bits = random.next()
            switch bits % 4 {
            case 0: return JSONWritableTests.specials[Int(bits >> 8) % JSONWritableTests.specials.count]
            case 1: return Double(bits >> 11) / Double(1 << 53)
            case 2:
                let d = Double(bitPattern: random.next())
                return d.isFinite ? d : 1.5
            default: return Double(Int(bits >> 40) % 20_000) / 100
            }
        }

        mutating func text() -> String {
            JSONWritableTests.texts[Int(random.next() % UInt64(JSONWritableTests.texts.count))]
        }

        mutating func flip() -> Bool { random.next() % 2 == 0 }

        mutating func factors() -> FactorScores {
            FactorScores(
                skill: double(), availability: double(), locality: double(), wellbeing: double(), bridging: double(),
                reciprocity: double())
        }

        mutating func match() -> Match {
            let kinds: [MatchKind] = [.member, .activity, .need]
            let reasons = (0..<Int(random.next() % 4)).map { _ in text() }
            var match = Match(
                id: text() + "-\(random.next() % 1000)", kind: kinds[Int(random.next() % 3)],
                name: flip() ? text() : nil, score: double(), factors: factors(), reasons: reasons,
                distanceKm: flip() ? double() : nil)
            if flip() { match.skill = text() }
            if flip() {
                var other = Match(id: text(), kind: .member, score: double(), factors: factors(), reasons: [text()])
                other.name = flip() ? text() : nil
                other.distanceKm = flip() ? double() : nil
                match.buddy = Buddy(other)
            }
            if flip() {
                let all = ExclusionReason.allCases
                match.constraints = (0..<Int(random.next() % 5)).map { _ in
                    ConstraintCheck(constraint: all[Int(random.next() % UInt64(all.count))], passed: flip(), detail: text())
                }
                match.excludedBy = (0..<Int(random.next() % 3)).map { _ in all[Int(random.next() % UInt64(all.count))] }
            }
            return match
        }

        mutating func counts() throws -> ExclusionCounts {
            var raw: [String: Int] = [:]
            for reason in ExclusionReason.allCases where flip() { raw[reason.rawValue] = Int(random.next() % 100_000) }
            return try JSONDecoder().decode(ExclusionCounts.self, from: JSONEncoder().encode(raw))
        }

        mutating func ranking() throws -> Ranking {
            Ranking(
                matches: (0..<Int(random.next() % 12)).map { _ in match() }, considered: Int(random.next() % 100_000),
                excluded: try counts(), notes: (0..<Int(random.next() % 3)).map { _ in text() })
        }
    }

    @Test func rankingsAndMatchesAsFoundationWritesThem() throws {
        var generator = Generator()
        for _ in 0..<500 {
            let ranking = try generator.ranking()
            Self.expectSame(try Self.written(ranking), try Self.foundation(ranking))
            let match = generator.match()
            Self.expectSame(try Self.written(match), try Self.foundation(match))
        }
        Self.expectSame(try Self.written(ExclusionCounts()), try Self.foundation(ExclusionCounts()))
    }

    @Test func responsesAsFoundationWritesThem() throws {
        var generator = Generator()
        let ids: [RPCID] = [
            .null, .integer(0), .integer(Int64.max), .integer(Int64.min), .integer(-7), .number(1.5), .number(-0.25),
            .number(1e300), .string(""), .string("x/y"), .string("é\"\n"),
        ]
        for (i, id) in ids.enumerated() {
            let errors = [
                ServiceError(.invalidParams, "Invalid params: params.request.skill: must not be empty", field: "params.request.skill", reason: "must not be empty"),
                ServiceError(.parseError, "Parse error: not valid JSON"),
                ServiceError(.unknownMember, generator.text(), field: generator.text(), reason: generator.text()),
            ]
            for error in errors {
                let response = RPCResponse(id: id, result: nil, error: error)
                Self.expectSame(try ResponseWriter.write(response), try Self.foundation(response))
            }
            let results: [any Encodable & Sendable] = [
                try generator.ranking(), generator.match(),
                MethodResults.Health(
                    status: "ok", members: 10_000 + i, activities: 500, referenceDate: "2026-11-22", rebuildPending: i % 2 == 0,
                    meaning: i % 3 == 0 ? "on" : "off", notes: i % 3 == 0 ? [] : ["Meaning-based matching is off (\"quoted\" / n\(i))", "b"]),
                // Not written by hand: through the generic path, inside a hand-written response.
                MethodResults.Balances(giver: .init(id: "m-1", balance: 2.5), receiver: .init(id: "m/2", balance: -1)),
                EmptyResult(), ["a", "b/c"],
            ]
            for result in results {
                let response = RPCResponse(id: id, result: result, error: nil)
                Self.expectSame(try ResponseWriter.write(response), try Self.foundation(response))
            }
            let empty = RPCResponse(id: id, result: nil, error: nil)
            Self.expectSame(try ResponseWriter.write(empty), try Self.foundation(empty))
        }
        let batch = [
            RPCResponse(id: .integer(1), result: try generator.ranking(), error: nil),
            RPCResponse(id: .null, result: nil, error: ServiceError(.invalidRequest, "Invalid request: not an object")),
        ]
        Self.expectSame(try ResponseWriter.write(batch), try Self.foundation(batch))
        Self.expectSame(try ResponseWriter.write([RPCResponse]()), try Self.foundation([RPCResponse]()))
    }

    @Test func numbersAsFoundationWritesThem() throws {
        var generator = Generator()
        var doubles = Self.specials + Self.specials.map { -$0 }
        for _ in 0..<2000 { doubles.append(generator.double()) }
        for value in doubles {
            var out = JSONOutput()
            try out.number(value)
            Self.expectSame(Data(out.bytes), try Self.foundation(value))
        }
        for value in [Float(0), 1, -1.5, 0.1, 3.4e38, .leastNonzeroMagnitude] {
            var out = JSONOutput()
            try out.number(value)
            Self.expectSame(Data(out.bytes), try Self.foundation(value))
        }
        for value in [0, 1, -1, 9, 10, -10, 1_000_000, Int.max, Int.min] {
            var out = JSONOutput()
            out.integer(value)
            Self.expectSame(Data(out.bytes), try Self.foundation(value))
        }
        var out = JSONOutput()
        #expect(throws: ResponseWriter.Unsupported.self) { try out.number(Double.nan) }
        #expect(throws: ResponseWriter.Unsupported.self) { try out.number(-Double.infinity) }
        #expect(throws: ResponseWriter.Unsupported.self) { try out.number(Float.infinity) }
    }

    @Test func stringsAsFoundationWritesThem() throws {
        var all = Self.texts
        for scalar in [0x7F, 0x80, 0x2028, 0xFFFF, 0x10FFFF] { all.append(String(Unicode.Scalar(scalar)!)) }
        for text in all {
            var out = JSONOutput()
            out.string(text)
            Self.expectSame(Data(out.bytes), try Self.foundation(text))
        }
    }

    @Test func nonFiniteScoresAreLeftToFoundation() {
        var match = Match(id: "m", kind: .member, score: .nan, factors: FactorScores(), reasons: [])
        #expect(throws: ResponseWriter.Unsupported.self) {
            try ResponseWriter.write(RPCResponse(id: .integer(1), result: match, error: nil))
        }
        match.score = 1
        match.factors.skill = .infinity
        #expect(throws: ResponseWriter.Unsupported.self) { try Self.written(match) }
    }
}
