@testable import StitchApplication
import Foundation
import StitchEngine
import StitchGenerator
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchRPC

/// The answer writer gives exactly the bytes Foundation's `JSONEncoder` gives with sorted keys
/// and unescaped slashes, for every method's answers and for awkward values.
@Suite("Response writer")
struct ResponseWriterTests {
    static func foundation<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func expectSame<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fast = try ResponseWriter.write(value)
        let expected = try foundation(value)
        #expect(
            fast == expected,
            "\(String(decoding: fast.prefix(300), as: UTF8.self)) ≠ \(String(decoding: expected.prefix(300), as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    static let requests: [(String, String)] = {
        var out: [(String, String)] = [
            ("server.health", "{}"), ("server.stats", "{}"), ("weights.get", #"{"profile":"referral"}"#),
        ]
        for member in ScenarioCast.community.members {
            for need in member.needs {
                out.append(
                    ("match.helpers", #"{"request":{"requester":"\#(member.id)","skill":"\#(need)"},"limit":10}"#))
            }
            out.append(("match.opportunities", #"{"member":"\#(member.id)","limit":10}"#))
            out.append(("refer.activities", #"{"referral":{"person":"\#(member.id)"},"limit":5,"withBuddy":true}"#))
        }
        out.append(("match.explain", #"{"subject":"m-kathy","candidate":"a-art-upstairs"}"#))
        out.append(("match.explain", #"{"subject":"m-maud","candidate":"a-knit-natter"}"#))
        out.append(("match.explain", #"{"subject":"m-arthur","candidate":"m-ada"}"#))
        out.append(("network.analyse", "{}"))
        out.append(
            (
                "plan.allocate",
                #"{"referrals":[{"id":"r-1","person":"m-maud","referrer":"gp-downham"},{"id":"r-2","person":"m-bee"}]}"#
            ))
        out.append(("match.helpers", #"{"request":{"requester":"m-ghost","skill":"x"}}"#))
        return out
    }()

    @Test func writesEveryMethodsAnswersAsFoundationDoes() async throws {
        let service = try StitchService(community: ScenarioCast.community, taxonomy: Fixtures.taxonomy)
        let dispatcher = RPCDispatcher(service: service)
        for (method, params) in Self.requests {
            let input = RPCDispatcher.MethodInput(fields: [:], source: Data(params.utf8))
            switch await dispatcher.call(method, input) {
            case .success(let value):
                try Self.expectSame(RPCResponse(id: .integer(12), result: value, error: nil))
            case .failure(let error):
                try Self.expectSame(RPCResponse(id: .string("x/y"), result: nil, error: error))
            }
        }
    }

    struct Awkward: Encodable {
        var text: String
        var number: Double
        var float: Float
        var whole: Int
        var optional: Int?
        var flags: [Bool]
        var map: [String: Int]
        var byNumber: [Int: String]
        var nested: [[String: [Double]]]
    }

    @Test func writesAwkwardValuesAsFoundationDoes() throws {
        var random = SplitMix64(seed: 7)
        var controls = ""
        for c in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(c))) }
        let texts = [controls, "/\"\\\u{7F}é☕︎\u{2028}😀", "", "plain"]
        let specials: [Double] = [
            0, -0.0, 1, -1, 0.1, 1e20, 1e21, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 1e16,
            123456789.125,
        ]
        for i in 0..<400 {
            let bits = random.next()
            let number =
                i < specials.count
                ? specials[i] : Double(bitPattern: bits).isFinite ? Double(bitPattern: bits) : Double(bits % 1000) / 7
            try Self.expectSame(
                Awkward(
                    text: texts[i % texts.count], number: number, float: Float(Double(bits % 100_000) / 1000),
                    whole: Int(truncatingIfNeeded: bits), optional: i.isMultiple(of: 2) ? nil : i,
                    flags: [true, false],
                    map: ["b": 1, "a": 2, "B": 3, "é": 4, "aa": 5, "a b": 6, "_": 7, "10": 8, "9": 9],
                    byNumber: [3: "x", 10: "y", -1: "z"], nested: [["k": [number, 2.5]], [:]]))
        }
        try Self.expectSame([Int64.max, Int64.min])
        try Self.expectSame(["only": JSONTree.null])
    }

    @Test func leavesFoundationsOwnTypesAndNonFiniteNumbersToFoundation() {
        #expect(throws: ResponseWriter.Unsupported.self) { try ResponseWriter.write(["at": Date()]) }
        #expect(throws: ResponseWriter.Unsupported.self) { try ResponseWriter.write([Double.nan]) }
        #expect(throws: ResponseWriter.Unsupported.self) {
            try ResponseWriter.write(["u": URL(fileURLWithPath: "/tmp")])
        }
    }
}
