@testable import StitchApplication
import StitchJSON
import Foundation
import Testing

@testable import StitchRPC

/// The one-pass line reader agrees with Foundation's `JSONDecoder` on every line it accepts, and
/// refuses, saying why, whatever RFC 8259 does not allow: it is the daemon's only judge of JSON.
@Suite("JSON line parser")
struct JSONLineParserTests {
    static func foundation(_ text: String) -> JSONTree? {
        try? JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
    }

    static func fast(_ text: String) -> JSONTree? {
        let data = Data(text.utf8)
        guard let line = try? data.withUnsafeBytes({ try JSONLineParser.parse($0) }) else { return nil }
        switch line {
        case .single(let request): return request.tree
        case .batch(let items): return .array(items.map(\.tree))
        }
    }

    static let accepted: [String] = [
        #"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#,
        #"  {"a" : [1, -2, 3.5, -0, 0.25e2, 1E-3, 12345678901234567890, true, false, null] }  "#,
        #"[{"id":1},{"id":"x"},3,"s",[]]"#,
        #"{"s":"caf\u00e9 \ud83d\ude00 \"q\" \\ \/ \b\f\n\r\t","t":"café ☕︎"}"#,
        #"{"dup":1,"dup":2}"#,
        "0", "-1", "1.5", "\"x\"", "[]", "{}", "null", "true", "false", "1e308", "-1e-320", "123456789012345",
        "1234567890123456", "0.1", "9007199254740993",
    ]

    static let refused: [String] = [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", ".5", "+1", "1e", "NaN", "Infinity", "1e400", "-1e400", "tru",
        "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"a\u{01}b\"", "{'a':1}", "[1 2]", "{\"a\" 1}", "1 2",
        "\"unterminated",
    ]

    @Test(arguments: accepted)
    func readsAsFoundationDoes(_ text: String) throws {
        let expected = try #require(Self.foundation(text))
        #expect(Self.fast(text) == expected)
    }

    @Test(arguments: refused)
    func refusesWhatIsNotStrictJSON(_ text: String) {
        #expect(Self.fast(text) == nil)
    }

    @Test func refusesInvalidUTF8() {
        let data = Data([0x22, 0xFF, 0x22])
        #expect((try? data.withUnsafeBytes { try JSONLineParser.parse($0) }) == nil)
    }

    @Test func notesWhereEachRequestsParamsLie() throws {
        let text = #"[{"id":1,"params":{"a":[1,{"params":2}]}}, {"id":2}, {"params" : "x" }]"#
        let data = Data(text.utf8)
        guard case .batch(let items) = try data.withUnsafeBytes({ try JSONLineParser.parse($0) }) else {
            Issue.record("not a batch")
            return
        }
        let ranges = items.map { $0.params.map { String(decoding: data[$0], as: UTF8.self) } }
        #expect(ranges == [#"{"a":[1,{"params":2}]}"#, nil, #""x""#])
    }

    static func refusal(_ text: String, maximumBatch: Int = .max) -> JSONLineParser.Refused? {
        do {
            _ = try Data(text.utf8).withUnsafeBytes { try JSONLineParser.parse($0, maximumBatch: maximumBatch) }
            return nil
        } catch {
            return error as? JSONLineParser.Refused
        }
    }

    @Test func refusalsSayWhyAndWhere() {
        #expect(Self.refusal("[1,]") == .notJSON(reason: "a trailing comma before ']'", offset: 2))
        #expect(Self.refusal(#"{"a":1 ,}"#) == .notJSON(reason: "a trailing comma before '}'", offset: 7))
        #expect(Self.refusal("\u{FEFF}{}")?.reason.contains("byte-order mark") == true)
        #expect(Self.refusal("1 2") == .notJSON(reason: "unexpected text after the JSON value", offset: 2))
        #expect(Self.refusal("1e400")?.reason.contains("too large") == true)
    }

    @Test func aBatchStopsBeingReadPastItsLimit() {
        #expect(Self.refusal("[{},{},{}]", maximumBatch: 3) == nil)
        #expect(Self.refusal("[{},{},{},{}]", maximumBatch: 3) == .batchTooLarge(limit: 3))
        // Past the limit nothing more is read: not even the brokenness of the rest.
        #expect(Self.refusal("[{},{},{},{} this is not JSON", maximumBatch: 3) == .batchTooLarge(limit: 3))
    }

    @Test func notesANumericIDsTextExactly() throws {
        let text = #"[{"id":12345678901234567890},{"id":"s"},{"id":1.0e3,"params":{"id":5}}]"#
        let data = Data(text.utf8)
        guard case .batch(let items) = try data.withUnsafeBytes({ try JSONLineParser.parse($0) }) else {
            Issue.record("not a batch")
            return
        }
        #expect(items.map { $0.numericID.map { String(decoding: data[$0], as: UTF8.self) } } == ["12345678901234567890", nil, "1.0e3"])
    }

    @Test func readsDeepNestingOnlyUpToTheLimit() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(Self.fast(deep) == nil)
        let shallow = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(Self.fast(shallow) == Self.foundation(shallow))
    }
}

/// The daemon's line reader and the file check (`JSONSyntax`, for community files, plan files and
/// `--request`) are one judge of JSON: they take and refuse the same texts, at the same place.
@Suite("JSON files and request lines are judged alike")
struct JSONFileAndLineAgreementTests {
    @Test(arguments: JSONLineParserTests.accepted)
    func bothAccept(_ text: String) {
        #expect(JSONSyntax.problem(in: Array(text.utf8)) == nil)
    }

    @Test(arguments: JSONLineParserTests.refused + ["\u{FEFF}{}", "{\"a\":1} // note", "[1] [2]", "{\"a\":[1,2}"])
    func bothRefuseAtTheSamePlace(_ text: String) throws {
        let problem = try #require(JSONSyntax.problem(in: Array(text.utf8)), "\(text)")
        guard case .notJSON(_, let offset)? = JSONLineParserTests.refusal(text) else {
            Issue.record("the line reader takes \(text)")
            return
        }
        #expect(problem.offset == offset || text.isEmpty || text.hasSuffix("unterminated"), "\(text): \(problem)")
    }

    @Test func problemsSayTheLineAndColumnAndWhatToDo() throws {
        let text = "{\n  \"members\": [\n    {\"id\": \"m-1\"},\n  ]\n}"
        let problem = try #require(JSONSyntax.problem(in: Array(text.utf8)))
        #expect(problem.line == 3 && problem.column == 18, "\(problem)")
        #expect(problem.reason == "a trailing comma before ']': remove the comma")
        let accented = try #require(JSONSyntax.problem(in: Array("{\"é\": 1,}".utf8)))
        #expect(accented.column == 8, "columns count characters, not bytes")
        let cut = try #require(JSONSyntax.problem(in: Array("{\"a\": [1, 2".utf8)))
        #expect(cut.reason.hasPrefix("the input ends inside an array (opened at line 1, column 7)"), "\(cut)")
        #expect(JSONSyntax.problem(in: Array("{\"a\": \"x\ny\"}".utf8))?.reason.contains("not closed on its line") == true)
        #expect(JSONSyntax.problem(in: Array("[\"\\ud800\"]".utf8))?.reason.contains("lone surrogate") == true)
        #expect(JSONSyntax.problem(in: [0x22, 0xFF, 0x22])?.reason.contains("invalid UTF-8") == true)
        #expect(JSONSyntax.problem(in: Array(String(repeating: "[", count: 600).utf8))?.reason.contains("nested deeper") == true)
    }
}
