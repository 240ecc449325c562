import Foundation
import StitchApplication
import StitchFuzzSupport
import StitchRPC
import Synchronization

/// libFuzzer entry point: the typed params decoders. The first byte picks a method; the rest
/// is its `params`, sent in a request to a dispatcher over an in-memory service.
///
/// The answer must be JSON with the JSON-RPC shape, with the request's id whenever the line is
/// JSON; nothing may crash or
/// hang. After a write that succeeded, the service starts again from the seeded community.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let input = FuzzSupport.bytes(start, count)
    let method = methods[Int(input[input.startIndex]) % methods.count]
    var line = Data(#"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":"#.utf8)
    line.append(input.dropFirst())
    line.append(UInt8(ascii: "}"))
    let dispatcher = state.withLock { $0 }
    let answer = FuzzSupport.wait { await dispatcher.handle(line: line) }
    FuzzSupport.checkAnswer(answer)
    guard let answer else { fatalError("a request with an id got no answer") }
    if (try? JSONSerialization.jsonObject(with: line)) != nil, answer.range(of: Data(#""id":7"#.utf8)) == nil {
        fatalError("a request that is JSON was not answered with its id")
    }
    let succeeded = answer.range(of: Data(#""error":{"#.utf8)) == nil
    if succeeded, writes.contains(method) {
        state.withLock { $0 = RPCDispatcher(service: FuzzSupport.memoryService()) }
    }
    return 0
}

/// Every method that takes params, in a fixed order (the first byte's choice must not move).
let methods = [
    "member.upsert", "member.remove", "activity.upsert", "activity.remove", "exchange.record", "attendance.record",
    "match.helpers", "match.opportunities", "refer.activities", "match.explain", "weights.get", "weights.set",
    "weights.calibrate", "outcome.record", "plan.allocate", "network.analyse", "community.load", "server.health",
]

/// The methods that change the service.
let writes: Set<String> = [
    "member.upsert", "member.remove", "activity.upsert", "activity.remove", "exchange.record", "attendance.record",
    "weights.set", "weights.calibrate", "outcome.record", "community.load",
]

/// The dispatcher the requests go to.
let state = Mutex(RPCDispatcher(service: FuzzSupport.memoryService()))
