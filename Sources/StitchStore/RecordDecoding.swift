import Dispatch
import Foundation
import Synchronization

/// JSON arrays of records decoded on other threads, all at once; ``wait()`` joins them in order.
///
/// Decoding the members' JSON is most of the time it takes to read a large community back, and
/// it splits cleanly: each array is decoded on a global queue, while the caller goes on reading
/// the flat tables. Each array is read straight from its bytes (``DirectDecodable``), and only an
/// array holding a record that reader leaves alone is decoded by `JSONDecoder`, which gives the
/// same records or the error (an unknown key included): so the strict check of keys costs the
/// common case nothing.
final class RecordDecoding<Record: DirectDecodable>: Sendable {
    private let group = DispatchGroup()
    /// Each array's records, or `nil` when one of its records does not decode.
    private let parts: Mutex<[[Record]?]>

    /// Starts decoding each array (`[{…},{…}]`) of `arrays`.
    init(_ arrays: [Data]) {
        parts = Mutex(Array(repeating: nil, count: arrays.count))
        for (i, array) in arrays.enumerated() {
            DispatchQueue.global().async(group: group) { [self] in
                let records = Self.direct(array) ?? (try? JSONDecoder().decode([Record].self, from: array))
                parts.withLock { $0[i] = records }
            }
        }
    }

    /// The records of an array read straight from its bytes; `nil` when the reader leaves one alone.
    private static func direct(_ array: Data) -> [Record]? {
        array.withUnsafeBytes { raw -> [Record]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var json = JSONBytes(bytes, range: 0..<bytes.count)
            guard let records = json.array({ Record.read(&$0) }), json.atEnd else { return nil }
            return records
        }
    }

    /// Every record in order, or `nil` when a record did not decode.
    func wait() -> [Record]? {
        group.wait()
        return parts.withLock { parts -> [Record]? in
            var all: [Record] = []
            all.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
            for part in parts {
                guard let part else { return nil }
                all += part
            }
            return all
        }
    }
}

/// Records written as JSON text on every core, in order (``RecordJSON``): the members' and
/// activities' records of a large import, ready before the write transaction begins.
enum RecordEncoding {
    /// Each record as JSON text, or `nil` when one cannot be encoded.
    static func encode<Record: RecordJSON>(_ records: [Record]) -> [String]? {
        guard !records.isEmpty else { return [] }
        let runs = max(1, min(records.count / 512, 4 * ProcessInfo.processInfo.activeProcessorCount))
        let size = (records.count + runs - 1) / runs
        let parts = Mutex<[[String]?]>(Array(repeating: nil, count: runs))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let lower = run * size, upper = min(records.count, lower + size)
            var texts: [String] = []
            texts.reserveCapacity(max(0, upper - lower))
            for k in lower..<max(lower, upper) {
                var json = JSONText()
                records[k].write(to: &json)
                guard json.isValid else { return }
                texts.append(json.string)
            }
            parts.withLock { $0[run] = texts }
        }
        return parts.withLock { parts -> [String]? in
            var all: [String] = []
            all.reserveCapacity(records.count)
            for part in parts {
                guard let part else { return nil }
                all += part
            }
            return all
        }
    }
}
