import Dispatch
import Foundation
public import StitchApplication
public import StitchModel
public import StitchRPC
import StitchGenerator
import Synchronization

/// What the fuzz targets share: the fixtures they start from, a way to wait for the service's
/// async methods from libFuzzer's synchronous callback, and the check every daemon answer must pass.
public enum FuzzSupport {
    /// The repository's `data/` folder: `STITCH_DATA` when set, else the one next to `Fuzz/`.
    public static let dataFolder: URL = {
        if let path = ProcessInfo.processInfo.environment["STITCH_DATA"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("data")
    }()

    /// The bundled skill taxonomy (`data/taxonomy.json`), read once.
    public static let taxonomy: SkillTaxonomy = {
        let url = dataFolder.appendingPathComponent("taxonomy.json")
        guard let data = try? Data(contentsOf: url), let taxonomy = try? JSONDecoder().decode(SkillTaxonomy.self, from: data) else {
            fatalError("fuzz setup: cannot read data/taxonomy.json (set STITCH_DATA to the data folder)")
        }
        return taxonomy
    }()

    /// The small community every target that needs one starts from: the scenario cast.
    public static var community: Community { ScenarioCast.community }

    /// A service over ``community`` kept in memory, whose background rebuilds wait for a long
    /// pause (so that answers depend on the inputs, not on when a rebuild happens to finish).
    public static func memoryService() -> StitchService {
        do {
            return try StitchService(community: community, taxonomy: taxonomy, quietPeriod: .seconds(3600))
        } catch {
            fatalError("fuzz setup: the scenario community does not validate")
        }
    }

    /// Runs async work to completion from synchronous code (libFuzzer's callback), blocking the
    /// calling thread; the work runs on the concurrency pool, so it never waits for this thread.
    public static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await work()
            box.value.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        guard let value = box.value.withLock({ $0 }) else { fatalError("fuzz harness: async work finished without a value") }
        return value
    }

    /// Carries a value out of a task.
    private final class Box<T: Sendable>: Sendable {
        let value = Mutex<T?>(nil)
    }

    /// Checks a daemon answer: valid JSON, and either one JSON-RPC response or a non-empty
    /// array of them. A failed check stops the run (libFuzzer records the input as a crash).
    public static func checkAnswer(_ answer: Data?) {
        guard let answer else { return }  // notifications only
        guard let value = try? JSONSerialization.jsonObject(with: answer, options: [.fragmentsAllowed]) else {
            fatalError("answer is not valid JSON")
        }
        if let batch = value as? [Any] {
            guard !batch.isEmpty else { fatalError("a batch answer is an empty array") }
            for item in batch { checkResponse(item) }
        } else {
            checkResponse(value)
        }
    }

    /// One response object: `jsonrpc` "2.0", an `id` (string, number or null), and exactly one
    /// of `result` and `error`, an error with an integer `code` and a string `message`.
    static func checkResponse(_ value: Any) {
        guard let object = value as? [String: Any] else { fatalError("a response is not an object") }
        guard object["jsonrpc"] as? String == "2.0" else { fatalError("a response lacks jsonrpc 2.0") }
        guard let id = object["id"] else { fatalError("a response lacks an id") }
        guard id is NSNull || id is String || id is NSNumber else { fatalError("a response id is not a string, number or null") }
        let hasResult = object["result"] != nil, hasError = object["error"] != nil
        guard hasResult != hasError else { fatalError("a response has both or neither of result and error") }
        if hasError {
            guard let error = object["error"] as? [String: Any] else { fatalError("an error is not an object") }
            guard let code = error["code"] as? NSNumber, Double(code.intValue) == code.doubleValue else {
                fatalError("an error code is not an integer")
            }
            guard error["message"] is String else { fatalError("an error message is not a string") }
        }
        let allowed: Set<String> = ["jsonrpc", "id", "result", "error"]
        guard Set(object.keys).isSubset(of: allowed) else { fatalError("a response has a field JSON-RPC does not define") }
    }

    /// The input's bytes.
    public static func bytes(_ start: UnsafeRawPointer, _ count: Int) -> Data {
        Data(bytes: start, count: count)
    }
}

/// Reads an input's bytes one at a time as small choices; past the end every choice is 0.
public struct FuzzBytes {
    private let bytes: [UInt8]
    private var position = 0

    /// Reads `bytes` from the start.
    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True once every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The next byte (0 past the end).
    public mutating func byte() -> UInt8 {
        defer { position += 1 }
        return position < bytes.count ? bytes[position] : 0
    }

    /// An index below `count` (which must be positive).
    public mutating func below(_ count: Int) -> Int { Int(byte()) % count }

    /// One of `choices` (which must not be empty).
    public mutating func pick<T>(_ choices: [T]) -> T { choices[below(choices.count)] }

    /// True or false.
    public mutating func flag() -> Bool { byte() & 1 == 1 }
}

/// A dispatcher over an in-memory service (``FuzzSupport/memoryService()``) shared by the
/// inputs of a run, put back to the seeded community now and then.
///
/// Building a service costs far more than answering a line (the engine learns its skill
/// similarity and network model), so writes accumulate between resets; a reset comes after
/// ``resetEvery`` inputs, or as soon as the community has grown past a few times its seeded size.
public final class FuzzDaemon: Sendable {
    /// Inputs between resets.
    public static let resetEvery = 2_000

    private struct State: Sendable {
        var service: StitchService
        var dispatcher: RPCDispatcher
        var inputs = 0
    }

    private let state: Mutex<State>
    private let maximumLineBytes: Int

    /// A daemon whose dispatcher answers lines over `maximumLineBytes` as too large.
    public init(maximumLineBytes: Int = 1 << 20) {
        self.maximumLineBytes = maximumLineBytes
        let service = FuzzSupport.memoryService()
        state = Mutex(State(service: service, dispatcher: RPCDispatcher(service: service, maximumLineBytes: maximumLineBytes)))
    }

    /// The dispatcher in force.
    public var dispatcher: RPCDispatcher { state.withLock { $0.dispatcher } }

    /// Counts an input; puts back the seeded community when due.
    public func afterInput() {
        let (service, inputs) = state.withLock { state -> (StitchService, Int) in
            state.inputs += 1
            return (state.service, state.inputs)
        }
        let health = FuzzSupport.wait { await service.snapshot().health }
        let seeded = FuzzSupport.community
        let grown = health.members > 4 * seeded.members.count + 20 || health.activities > 4 * seeded.activities.count + 20
        guard grown || inputs >= Self.resetEvery else { return }
        let fresh = FuzzSupport.memoryService()
        let dispatcher = RPCDispatcher(service: fresh, maximumLineBytes: maximumLineBytes)
        state.withLock { $0 = State(service: fresh, dispatcher: dispatcher) }
    }
}
