import Foundation
import StitchApplication
import StitchFuzzSupport
import StitchRPC

/// libFuzzer entry point: the bytes as what a client sends the daemon, answered by a
/// dispatcher over an in-memory service (queries and writes alike).
///
/// One line goes to `handle(line:)`; bytes holding newlines are split into lines and go to
/// `handle(lines:)`, as a connection's pipelined lines do. Every answer must be JSON with the
/// JSON-RPC shape (see ``FuzzSupport/checkAnswer(_:)``); nothing may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzSupport.bytes(start, count)
    let dispatcher = daemon.dispatcher
    let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.count <= 1 {
        FuzzSupport.checkAnswer(FuzzSupport.wait { await dispatcher.handle(line: input) })
    } else {
        let answers = FuzzSupport.wait { await dispatcher.handle(lines: lines.map { Data($0) }, parallelism: 2) }
        if answers.count != lines.count { fatalError("handle(lines:) gave a different number of answers than lines") }
        for answer in answers { FuzzSupport.checkAnswer(answer) }
    }
    daemon.afterInput()
    return 0
}

/// The daemon the inputs go to (lines over 2 KiB are answered as too large: kept low, so that
/// inputs reach the limit).
let daemon = FuzzDaemon(maximumLineBytes: 2_048)
