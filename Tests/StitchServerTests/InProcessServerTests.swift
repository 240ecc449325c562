import Foundation
import NIOCore
import StitchGenerator
import StitchServer
import Testing

@Suite("The line server in process, on a Unix socket and on TCP")
struct InProcessServerTests {
    /// Every query method, a write, a batch and a notification on one connection, in order.
    static func exerciseEveryMethod(_ target: ClientTarget) async throws {
        try await LineClient.connect(to: target) { client async throws in
            #expect(try await client.call(Requests.health)["result"]?["status"]?.string == "ok")
            #expect(Answers.firstMatch(try await client.call(Requests.helpers)) == "m-june")
            let give = try await client.call(Requests.opportunities)
            #expect(give.id == .string("g") && give["result"]?["matches"]?.array?.count == 3)
            let refer = try await client.call(Requests.refer)
            #expect(Answers.firstMatch(refer) == "a-knit-natter")
            #expect(refer["result"]?["matches"]?[0]?["buddy"]?["id"]?.string == "m-ada")
            #expect(try await client.call(Requests.explain)["result"]?["excludedBy"] == .array([.string("access")]))
            #expect(try await client.call(Requests.upsert)["result"]?["id"]?.string == "m-new")
            let after = try await client.call(Requests.helpersAfterUpsert)
            #expect(after["result"]?["matches"]?.array?.contains { $0["id"]?.string == "m-new" } == true)
            #expect(try await client.call(Requests.outcome)["result"] == .object([:]))
            let calibrate = try await client.call(Requests.calibrate)
            #expect(calibrate.errorCode == -32602)
            #expect(calibrate["error"]?["data"]?["field"]?.string == "params.profile")
            try await client.send(Requests.notification)
            let batch = try await client.call(Requests.batch)
            #expect(
                batch.array?.map { $0.id } == [.number(7), .number(8)], "the notification in the batch gets no answer")
            #expect(batch[1]?.errorCode == -32601)
            for (line, code) in Requests.errors {
                #expect(try await client.call(line).errorCode == code, "\(line)")
            }
        }
    }

    @Test func servesAUnixSocketWithMode0600() async throws {
        let path = try TestServers.socketPath()
        try await withDeadline(60) {
            let dispatcher = try TestServers.dispatcher()
            try await TestServers.withServer(.unixSocket(path: path), dispatcher: dispatcher) { _, target, _ in
                let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
                #expect(mode == 0o600)
                try await Self.exerciseEveryMethod(target)
            }
        }
    }

    @Test func servesTCPOnLoopbackWithAnAnyPort() async throws {
        try await withDeadline(60) {
            let dispatcher = try TestServers.dispatcher()
            try await TestServers.withServer(.tcp(host: "127.0.0.1", port: 0), dispatcher: dispatcher) {
                server, target, _ in
                #expect(server.localAddress?.port ?? 0 > 0)
                try await Self.exerciseEveryMethod(target)
            }
        }
    }

    @Test func aTokenIsRequiredWhenTheDispatcherHasOne() async throws {
        try await withDeadline(60) {
            let dispatcher = try TestServers.dispatcher(token: "s3cret")
            try await TestServers.withServer(.tcp(host: "127.0.0.1", port: 0), dispatcher: dispatcher) { _, target, _ in
                try await LineClient.connect(to: target) { client async throws in
                    #expect(try await client.call(Requests.health).errorCode == -32004)
                    let authed = #"{"jsonrpc":"2.0","id":1,"method":"server.health","params":{"auth":"s3cret"}}"#
                    #expect(try await client.call(authed)["result"]?["status"]?.string == "ok")
                }
            }
        }
    }

    @Test func aLineOverTheLimitGetsMinus32003AndTheConnectionCarriesOn() async throws {
        try await withDeadline(60) {
            let dispatcher = try TestServers.dispatcher(maximumLineBytes: 4096)
            try await TestServers.withServer(.tcp(host: "127.0.0.1", port: 0), dispatcher: dispatcher) { _, target, _ in
                try await LineClient.connect(to: target) { client async throws in
                    // 200,000 bytes: past the 4,096-byte limit, and within the skip allowance (64 lines'
                    // worth, 262,144 bytes) however the kernel splits the reads.
                    try await client.send(lines: [
                        Requests.padded(to: 4000, id: 1), Requests.padded(to: 200_000, id: 2), Requests.health,
                    ])
                    #expect(try await client.readResponse().id == .number(1), "under the limit: answered")
                    let tooLarge = try await client.readResponse()
                    #expect(tooLarge.errorCode == -32003 && tooLarge.id == .null)
                    #expect(try await client.readResponse()["result"]?["status"]?.string == "ok", "still usable")
                }
            }
        }
    }

    @Test func aLineThatNeverEndsClosesOnlyItsConnection() async throws {
        try await withDeadline(60) {
            let dispatcher = try TestServers.dispatcher(maximumLineBytes: 4096)
            let configuration = LineServer.Configuration(maximumSkippedBytes: 64 * 1024)
            try await TestServers.withServer(
                .unixSocket(path: try TestServers.socketPath()), dispatcher: dispatcher, configuration: configuration
            ) { _, target, _ in
                try await LineClient.connect(to: target) { bystander async throws in
                    #expect(try await bystander.call(Requests.health).id == .number(1))
                    try await LineClient.connect(to: target) { flooder async throws in
                        try await flooder.send(bytes: Array(repeating: UInt8(ascii: "x"), count: 200_000))
                        let answers = try await flooder.readToEnd()
                        #expect(
                            try answers.map { try JSONValue.parse($0).errorCode } == [-32003], "told why, then closed")
                    }
                    #expect(
                        Answers.firstMatch(try await bystander.call(Requests.refer)) == "a-knit-natter",
                        "the other client is unaffected")
                }
            }
        }
    }

    @Test func manyConnectionsAreServedAtOnceEachInOrder() async throws {
        try await withDeadline(120) {
            try await TestServers.withServer(
                .unixSocket(path: try TestServers.socketPath()), dispatcher: try TestServers.dispatcher()
            ) { _, target, _ in
                try await withThrowingTaskGroup(of: [Int].self) { group in
                    for _ in 0..<16 {
                        group.addTask {
                            try await LineClient.connect(to: target) { client async throws in
                                let lines = (1...100).map {
                                    #"{"jsonrpc":"2.0","id":\#($0),"method":"match.opportunities","params":{"member":"m-bee","limit":2}}"#
                                }
                                try await client.send(lines: lines)
                                client.finishSending()
                                return try await client.readToEnd().compactMap { try JSONValue.parse($0).id?.int }
                            }
                        }
                    }
                    // A client that connects, sends half a line and vanishes.
                    group.addTask {
                        try await LineClient.connect(to: target) { client in
                            try await client.send(bytes: Array(#"{"jsonrpc":"2.0","id":"#.utf8))
                        }
                        return Array(1...100)
                    }
                    for try await ids in group { #expect(ids == Array(1...100)) }
                }
            }
        }
    }
}
