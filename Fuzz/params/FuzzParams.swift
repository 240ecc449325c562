import Foundation
import StitchApplication
import StitchFuzzSupport
import StitchRPC

/// libFuzzer entry point: the typed params decoders. The first byte picks a method; the rest
/// is its `params`, sent in a request to a dispatcher over an in-memory service.
///
/// The answer must be JSON with the JSON-RPC shape, with the request's id whenever the line is
/// JSON; nothing may crash or hang. Writes accumulate between the daemon's resets (see
/// ``FuzzDaemon``).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let input = FuzzSupport.bytes(start, count)
    let method = methods[Int(input[input.startIndex]) % methods.count]
    var line = Data(#"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":"#.utf8)
    line.append(input.dropFirst())
    line.append(UInt8(ascii: "}"))
    let request = line
    let dispatcher = daemon.dispatcher
    let answer = FuzzSupport.wait { await dispatcher.handle(line: request) }
    FuzzSupport.checkAnswer(answer)
    guard let answer else { fatalError("a request with an id got no answer") }
    // Foundation's reader is laxer than RFC 8259 (it takes a trailing comma, as in `"params":null,}`),
    // which Stitch refuses with -32700 and a null id; the strict reader itself is checked by
    // JSONLineParserTests. Any other answer to a line Foundation reads must carry the id.
    let refusedAsNotJSON = answer.range(of: Data(#""code":-32700"#.utf8)) != nil
    if !refusedAsNotJSON, (try? JSONSerialization.jsonObject(with: line)) != nil, answer.range(of: Data(#""id":7"#.utf8)) == nil {
        fatalError("a request that is JSON was not answered with its id")
    }
    daemon.afterInput()
    return 0
}

/// Every method that takes params, in a fixed order (the first byte's choice must not move).
let methods = [
    "member.upsert", "member.remove", "activity.upsert", "activity.remove", "exchange.record", "attendance.record",
    "match.helpers", "match.opportunities", "refer.activities", "match.explain", "weights.get", "weights.set",
    "weights.calibrate", "outcome.record", "plan.allocate", "network.analyse", "community.load", "server.health",
]

/// The daemon the requests go to.
let daemon = FuzzDaemon()
