// Times the text encoder: one short request embedded on one thread (p50 and p99 over many runs),
// and the throughput of embedding a batch of texts on one and on two threads.
//
//   swift build -c release --product stitch-text-timer
//   "$(swift build -c release --show-bin-path)/stitch-text-timer" [model folder] [runs]
import Foundation
import StitchText

let arguments = CommandLine.arguments
let folder = URL(fileURLWithPath: arguments.count > 1 ? arguments[1] : TextModel.defaultDirectory)
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 2000 : 2000

/// The CPU time this thread has used, in seconds: on a shared machine it shows the work a call
/// does apart from the time it waits for a core.
func threadCPUTime() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The CPU time the whole process has used, in seconds.
func processCPUTime() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
        + Double(usage.ru_stime.tv_usec) / 1e6
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

do {
    var model: TextModel?
    let load = try seconds { model = try TextModel(directory: folder) }
    guard let model else { exit(1) }
    print(String(format: "model loaded in %.1f ms", load * 1000))

    let query = "Could someone give me a lift to my hospital appointment on Tuesday?"
    print("query: \(query.debugDescription), \(model.tokenizer.encode(query).count) tokens")
    for _ in 0..<50 { _ = try model.embed(query) }
    var times: [Double] = []
    var cpuTimes: [Double] = []
    times.reserveCapacity(runs)
    cpuTimes.reserveCapacity(runs)
    for _ in 0..<runs {
        let cpu = threadCPUTime()
        times.append(try seconds { _ = try model.embed(query) })
        cpuTimes.append(threadCPUTime() - cpu)
    }
    func percentiles(_ values: [Double]) -> (Double, Double) {
        let sorted = values.sorted()
        return (sorted[sorted.count / 2] * 1000, sorted[min(sorted.count - 1, sorted.count * 99 / 100)] * 1000)
    }
    let (p50, p99) = percentiles(times)
    let (cpu50, cpu99) = percentiles(cpuTimes)
    print(String(format: "one query, one thread, %d runs: wall p50 %.2f ms, p99 %.2f ms; CPU p50 %.2f ms, p99 %.2f ms", runs, p50, p99, cpu50, cpu99))

    // A batch of member-written texts of mixed length (a few words to a few sentences).
    let openings = [
        "I can help with", "Looking for someone to help with", "Happy to offer", "Need a hand with",
        "Referred for support with", "Could anyone help me with",
    ]
    let subjects = [
        "gardening and weeding", "lifts to hospital appointments", "shopping on Thursdays", "reading letters from the council",
        "setting up video calls with family", "dog walking while I recover from surgery", "cooking simple hot meals",
        "filling in benefit forms", "befriending and a weekly chat over tea", "small DIY jobs around the flat",
    ]
    let details = [
        "", " in Catford.", " on weekends, mornings are best.",
        " I live alone since my wife died and find it hard to get out, my daughter lives far away and only visits at Christmas.",
    ]
    var texts: [String] = []
    for index in 0..<1200 {
        texts.append(
            "\(openings[index % openings.count]) \(subjects[(index / 6) % subjects.count])\(details[(index / 60) % details.count])")
    }
    let tokens = texts.reduce(0) { $0 + model.tokenizer.encode($1).count }
    print("batch: \(texts.count) texts, \(tokens) tokens (\(String(format: "%.1f", Double(tokens) / Double(texts.count))) a text)")
    for threads in [1, 2] {
        _ = try model.embed(Array(texts.prefix(100)), threads: threads)
        let cpu = processCPUTime()
        let time = try seconds { _ = try model.embed(texts, threads: threads) }
        let used = processCPUTime() - cpu
        print(
            String(
                format: "batch on %d thread(s): %.0f texts/s (%.2f s wall, %.2f s CPU: %.0f texts per CPU second)", threads,
                Double(texts.count) / time, time, used, Double(texts.count) / used))
    }
    print("load average: \((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?")", terminator: "")
} catch {
    FileHandle.standardError.write(Data("stitch-text-timer: \(error)\n".utf8))
    exit(1)
}
