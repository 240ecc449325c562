import Foundation
import StitchApplication
import StitchFuzzSupport
import StitchRPC
import Synchronization

/// libFuzzer entry point: the bytes as what a client sends the daemon, answered by a
/// dispatcher over an in-memory service (queries and writes alike).
///
/// One line goes to `handle(line:)`; bytes holding newlines are split into lines and go to
/// `handle(lines:)`, as a connection's pipelined lines do. Every answer must be JSON with the
/// JSON-RPC shape (see ``FuzzSupport/checkAnswer(_:)``); nothing may crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = FuzzSupport.bytes(start, count)
    let dispatcher = harness.withLock { $0.dispatcher }
    let lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    if lines.count <= 1 {
        FuzzSupport.checkAnswer(FuzzSupport.wait { await dispatcher.handle(line: input) })
    } else {
        let answers = FuzzSupport.wait { await dispatcher.handle(lines: lines.map { Data($0) }, parallelism: 2) }
        if answers.count != lines.count { fatalError("handle(lines:) gave a different number of answers than lines") }
        for answer in answers { FuzzSupport.checkAnswer(answer) }
    }
    harness.withLock { $0.afterInput(mayHaveWritten: Harness.mayWrite(input)) }
    return 0
}

/// The dispatcher the inputs go to, and when to put back a fresh one.
struct Harness: Sendable {
    /// Lines over this many bytes are answered as too large (kept low, so inputs reach the limit).
    static let maximumLineBytes = 2_048
    /// A fresh dispatcher at least this often, so that the state inputs leave stays small.
    static let resetEvery = 500

    var dispatcher = Harness.fresh()
    var sinceReset = 0

    static func fresh() -> RPCDispatcher {
        RPCDispatcher(service: FuzzSupport.memoryService(), maximumLineBytes: maximumLineBytes)
    }

    /// Starts again from the seeded community after an input that may have changed it.
    mutating func afterInput(mayHaveWritten: Bool) {
        sinceReset += 1
        if mayHaveWritten || sinceReset >= Self.resetEvery {
            dispatcher = Self.fresh()
            sinceReset = 0
        }
    }

    /// The words of every method that changes the community or the weights, and `\` (an escape
    /// may spell a method name).
    static let writeMarkers = ["upsert", "remove", "record", "weights.set", "calibrate", "community.load", "\\"].map { Data($0.utf8) }

    /// True when the input may have named a method that writes.
    static func mayWrite(_ input: Data) -> Bool {
        writeMarkers.contains { input.range(of: $0) != nil }
    }
}

/// The one dispatcher, shared by the inputs of a run.
let harness = Mutex(Harness())
