@testable import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import Testing

@testable import StitchRPC

/// The plain-form params reader agrees with `JSONDecoder` whenever it reads params, and leaves
/// to `JSONDecoder` every form it does not read (so errors and their field paths are unchanged).
@Suite("Plain params")
struct PlainParamsTests {
    /// The params object of `params` as the dispatcher reads the line.
    static func fields(_ params: String) throws -> [String: JSONTree] {
        let line = Data(#"{"jsonrpc":"2.0","id":1,"method":"m","params":\#(params)}"#.utf8)
        guard case .single(let request)? = try? RPCDispatcher.parse(line).get(), case .object(let fields)? = request.tree["params"]
        else {
            Issue.record("not an object: \(params)")
            return [:]
        }
        return fields
    }

    static func cartesian(_ parts: [[String?]]) -> [String] {
        var out = [""]
        for options in parts {
            out = out.flatMap { prefix in
                options.map { option in
                    guard let option else { return prefix }
                    return prefix.isEmpty ? option : prefix + "," + option
                }
            }
        }
        return out.map { "{\($0)}" }
    }

    static let helpersParams: [String] = {
        let requests = cartesian([
            [#""requester":"m-1""#, #""requester":"""#, #""requester":null"#, #""requester":5"#, nil],
            [#""skill":"gardening""#, #""skill":"  ""#, #""skill":"""#, #""skill":3"#, #""skill":"é/\"q\"""#, nil],
            [
                nil, #""when":[]"#, #""when":null"#, #""when":[{"day":"tue","start":"10:00","end":"12:00"}]"#,
                #""atHome":true"#, #""atHome":null"#, #""requiresDBS":"yes""#, #""location":{"lat":51.4,"lon":0}"#,
                #""location":null"#, #""other":1"#,
            ],
        ])
        let outer = cartesian([
            [nil, #""limit":null"#, #""limit":10"#, #""limit":10.0"#, #""limit":1.5"#, #""limit":-3"#, #""limit":"10""#, #""limit":1e300"#],
            [nil, #""profile":null"#, #""profile":"broker""#, #""profile":"nope""#, #""profile":1"#],
        ])
        var out = ["{}", #"{"request":null}"#, #"{"request":"m-1"}"#]
        for (i, request) in requests.enumerated() {
            out.append(#"{"request":\#(request),"#.dropLast() + "," + outer[i % outer.count].dropFirst())
        }
        for o in outer { out.append(#"{"request":{"requester":"m-1","skill":"x"},"# + o.dropFirst()) }
        return out.map { $0.replacingOccurrences(of: ",}", with: "}") }
    }()

    @Test func helpersReadAsJSONDecoderReadsThem() throws {
        var read = 0
        for params in Self.helpersParams {
            let decoded = try? JSONDecoder().decode(MethodParams.Helpers.self, from: Data(params.utf8))
            guard let plain = MethodParams.Helpers(plain: try Self.fields(params)) else { continue }
            read += 1
            let expected = try #require(decoded, "read, but JSONDecoder refuses: \(params)")
            #expect(plain.request == expected.request, "\(params)")
            #expect(plain.limit == expected.limit, "\(params)")
            #expect(plain.profile == expected.profile, "\(params)")
        }
        #expect(read > 20)
    }

    @Test func explainReadsAsJSONDecoderReadsIt() throws {
        let params = Self.cartesian([
            [
                #""subject":"m-1""#, #""subject":"""#, #""subject":"  ""#, #""subject":"m\u0001""#, #""subject":null"#,
                #""subject":{"id":"m-9"}"#, nil,
            ],
            [#""candidate":"a-1""#, #""candidate":"""#, #""candidate":7"#, nil],
            [nil, #""skill":null"#, #""skill":"cooking""#, #""skill":false"#],
            [nil, #""profile":"referral""#, #""profile":"nope""#, #""profile":null"#],
        ])
        var read = 0
        for p in params {
            let decoded = try? JSONDecoder().decode(ExplainQuery.self, from: Data(p.utf8))
            guard let plain = MethodParams.plainExplain(try Self.fields(p)) else { continue }
            read += 1
            #expect(plain == decoded, "\(p)")
        }
        #expect(read > 10)
    }
}
