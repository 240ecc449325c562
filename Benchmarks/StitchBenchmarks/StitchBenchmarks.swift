import Benchmark

/// Stitch's speed and memory benchmarks (ordo-one/benchmark): `make benchmark`, figures in
/// docs/performance.md.
///
/// - ``QueryBenchmarks``: who-can-help, refer with buddy and give at 1k, 10k and 100k members;
///   who-can-help at 1M.
/// - ``ExplainBenchmarks``: explain a helper and an activity at 100k members.
/// - ``EngineBenchmarks``: compiling the engine, and its resident memory per member.
/// - ``NetworkBenchmarks``: the network analysis (`network.analyse`) at 10k and 100k members.
/// - ``ImportBenchmarks``: importing the 100k-member community file (read, check, store).
/// - ``DaemonBenchmarks``: the daemon's round trip over its Unix socket at 1, 8 and 32 clients.
/// - ``MeaningBenchmarks``: one request's words embedded; who-can-help at 100k by id and in words.
/// - ``AskReplayBenchmarks``: a month of requests replayed with asks weighed (and its fairness figures).
let benchmarks: @Sendable () -> Void = {
    QueryBenchmarks.register()
    ExplainBenchmarks.register()
    EngineBenchmarks.register()
    PlanningBenchmarks.register()
    NetworkBenchmarks.register()
    DaemonBenchmarks.register()
    ImportBenchmarks.register()
    MeaningBenchmarks.register()
    AskReplayBenchmarks.register()
}
