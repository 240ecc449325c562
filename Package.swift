// swift-tools-version: 6.1
import Foundation
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Stitch",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "StitchEngine", targets: ["StitchEngine"]),
        .library(name: "StitchModel", targets: ["StitchModel"]),
        .executable(name: "stitch", targets: ["StitchCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk.git", from: "0.12.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
    ],
    targets: [
        // BLAS and LAPACK from Debian's libopenblas-dev.
        .systemLibrary(name: "CLAPACK", path: "Sources/CLAPACK"),

        // The pure core: no I/O, no JSON transport, no sockets, no SQLite.
        .target(name: "StitchModel", swiftSettings: strictSettings),
        .target(name: "StitchNumerics", dependencies: ["CLAPACK"], swiftSettings: strictSettings),
        .target(
            name: "StitchEngine",
            dependencies: [
                "StitchModel", "StitchNumerics", "StitchNetwork",
                .product(name: "HeapModule", package: "swift-collections"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "StitchNetwork", dependencies: ["StitchModel", "StitchNumerics"], swiftSettings: strictSettings),
        .target(name: "StitchText", dependencies: ["CLAPACK"], swiftSettings: strictSettings),
        .target(name: "StitchPlanning", dependencies: ["StitchModel", "StitchEngine"], swiftSettings: strictSettings),
        .target(name: "StitchGenerator", dependencies: ["StitchModel", "StitchImport"], swiftSettings: strictSettings),

        .target(name: "StitchJSON", swiftSettings: strictSettings),

        // The application layer: the use cases every interface calls.
        .target(
            name: "StitchApplication",
            dependencies: [
                "StitchModel", "StitchEngine", "StitchPlanning", "StitchNetwork", "StitchText", "StitchJSON",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings),

        // Adapters around the application layer.
        .target(
            name: "StitchRPC",
            dependencies: ["StitchApplication", "StitchModel", "StitchEngine", "StitchPlanning", "StitchNetwork", "StitchJSON"],
            swiftSettings: strictSettings),
        .target(
            name: "StitchImport", dependencies: ["StitchModel", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strictSettings),
        .target(
            name: "StitchStore",
            dependencies: [
                "StitchModel", "StitchEngine", "StitchApplication", "StitchJSON", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StitchServer",
            dependencies: [
                "StitchRPC",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The HTTP interface: the server generated from its OpenAPI document (openapi.yaml, the
        // contract), on Hummingbird.
        .target(
            name: "StitchHTTP",
            dependencies: [
                "StitchApplication", "StitchModel", "StitchEngine", "StitchPlanning",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "StitchMCP",
            dependencies: [
                "StitchApplication", "StitchModel", "StitchEngine", "StitchPlanning",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // The web pages for brokers, link workers and connectors: server-rendered HTML (Mustache)
        // over the same use cases as the API, with accounts, sessions and CSRF tokens.
        .target(
            name: "StitchWeb",
            dependencies: [
                "StitchApplication", "StitchModel", "StitchEngine", "StitchPlanning", "StitchNetwork",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "StitchCLI",
            dependencies: [
                "StitchModel", "StitchEngine", "StitchGenerator", "StitchImport", "StitchNetwork", "StitchPlanning", "StitchApplication",
                "StitchRPC", "StitchStore",
                "StitchServer", "StitchHTTP", "StitchMCP", "StitchWeb",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // Times the text encoder for docs/performance.md (one file; release build).
        .executableTarget(
            name: "stitch-text-timer", dependencies: ["StitchText"], path: "Benchmarks/Tools/StitchTextTimer",
            swiftSettings: strictSettings),

        // Tests.
        .target(
            name: "StitchTestSupport",
            dependencies: ["StitchModel", "StitchEngine", "StitchGenerator"],
            path: "Tests/StitchTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(name: "StitchModelTests", dependencies: ["StitchModel", "StitchTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "StitchNumericsTests", dependencies: ["StitchNumerics", "StitchTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "StitchEngineTests",
            dependencies: ["StitchEngine", "StitchModel", "StitchNetwork", "StitchGenerator", "StitchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StitchGeneratorTests",
            dependencies: ["StitchGenerator", "StitchModel", "StitchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StitchNetworkTests", dependencies: ["StitchNetwork", "StitchNumerics", "StitchModel", "StitchTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchPlanningTests",
            dependencies: ["StitchPlanning", "StitchEngine", "StitchModel", "StitchGenerator", "StitchTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchApplicationTests",
            dependencies: ["StitchApplication", "StitchEngine", "StitchModel", "StitchGenerator", "StitchTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchMeaningTests",
            dependencies: [
                "StitchApplication", "StitchEngine", "StitchModel", "StitchRPC", "StitchText", "StitchGenerator", "StitchTestSupport",
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchRPCTests",
            dependencies: [
                "StitchRPC", "StitchApplication", "StitchJSON", "StitchEngine", "StitchModel", "StitchPlanning", "StitchGenerator",
                "StitchTestSupport",
            ],
            exclude: ["openrpc_document.py"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchTextTests", dependencies: ["StitchText", "StitchTestSupport"], exclude: ["reference_encoder.py"],
            swiftSettings: strictSettings),
        .testTarget(name: "StitchImportTests", dependencies: ["StitchImport", "StitchTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "StitchStoreTests",
            dependencies: [
                "StitchStore", "StitchApplication", "StitchRPC", "StitchEngine", "StitchModel", "StitchGenerator", "StitchTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchServerTests",
            dependencies: [
                "StitchServer", "StitchApplication", "StitchRPC", "StitchModel", "StitchGenerator", "StitchTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchHTTPTests",
            dependencies: [
                "StitchHTTP", "StitchApplication", "StitchModel", "StitchGenerator", "StitchTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchWebTests",
            dependencies: [
                "StitchWeb", "StitchHTTP", "StitchApplication", "StitchStore", "StitchModel", "StitchEngine", "StitchGenerator",
                "StitchTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["browser_test.py"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "StitchCLITests", dependencies: ["StitchCLI", "StitchTestSupport"],
            exclude: ["contract_hooks.py", "schemathesis.toml"], swiftSettings: strictSettings),
        .testTarget(
            name: "StitchMCPTests",
            dependencies: [
                "StitchMCP", "StitchApplication", "StitchEngine", "StitchModel", "StitchPlanning", "StitchTestSupport",
                .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)

// Benchmarks (ordo-one/benchmark) are kept out of the default build, so `swift build` and
// `make test` stay fast: `STITCH_BENCHMARKS=1 swift package benchmark` (or `make benchmark`).
if ProcessInfo.processInfo.environment["STITCH_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "StitchBenchmarks",
            dependencies: [
                "StitchEngine", "StitchModel", "StitchGenerator", "StitchNetwork", "StitchPlanning", "StitchServer", "StitchApplication",
                "StitchRPC", "StitchStore", "StitchDaemonLoad", "StitchText", "StitchTestSupport",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/StitchBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
    // Times who-can-help in process for the numpy baselines (Benchmarks/baselines/run.sh).
    package.targets.append(
        .executableTarget(
            name: "StitchBaselineTimer",
            dependencies: ["StitchEngine", "StitchModel"],
            path: "Benchmarks/baselines/BaselineTimer",
            swiftSettings: strictSettings
        ))
    // The daemon load clients, shared by the benchmark and `stitch-daemon-load` (docs/performance.md).
    // The tool sits one folder deeper than the benchmarks: the benchmark plugin runs every
    // executable target directly under Benchmarks/ as a benchmark.
    package.targets.append(
        .target(
            name: "StitchDaemonLoad",
            dependencies: [
                "StitchEngine", "StitchModel", "StitchGenerator", "StitchApplication", "StitchRPC", "StitchServer",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/StitchDaemonLoad",
            swiftSettings: strictSettings
        ))
    package.targets.append(
        .executableTarget(
            name: "stitch-daemon-load",
            dependencies: ["StitchDaemonLoad", "StitchEngine", "StitchModel"],
            path: "Benchmarks/Tools/StitchDaemonLoadTool",
            swiftSettings: strictSettings
        ))
}

// libFuzzer targets (Fuzz/) are kept out of the default build as well: each is built on its own
// with the fuzzer sanitizer, which supplies `main` (`make fuzz`, `make fuzz-smoke`, scripts/fuzz.sh).
if ProcessInfo.processInfo.environment["STITCH_FUZZ"] != nil {
    package.targets.append(
        .target(
            name: "StitchFuzzSupport",
            dependencies: ["StitchApplication", "StitchRPC", "StitchModel", "StitchEngine", "StitchGenerator"],
            path: "Fuzz/Support",
            swiftSettings: strictSettings
        ))
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("json-line", ["StitchRPC", "StitchApplication"]),
        ("params", ["StitchRPC", "StitchApplication"]),
        ("community-file", ["StitchStore", "StitchModel"]),
        ("csv", ["StitchImport", "StitchModel"]),
        ("open-referral", ["StitchImport", "StitchModel"]),
        ("open-active", ["StitchImport", "StitchModel"]),
        ("restart", ["StitchRPC", "StitchApplication", "StitchStore", "StitchModel", "StitchGenerator"]),
    ]
    for target in fuzzTargets {
        package.targets.append(
            .executableTarget(
                name: "fuzz-\(target.name)", dependencies: ["StitchFuzzSupport"] + target.dependencies, path: "Fuzz/\(target.name)",
                swiftSettings: strictSettings))
    }
}
