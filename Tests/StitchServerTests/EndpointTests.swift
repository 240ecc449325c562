import StitchServer
import Testing

@Suite("Reading --tcp addresses")
struct EndpointTests {
    @Test func readsHostAndPort() throws {
        #expect(try LineServer.Endpoint(tcp: "127.0.0.1:7411") == .tcp(host: "127.0.0.1", port: 7411))
        #expect(try LineServer.Endpoint(tcp: "localhost:0") == .tcp(host: "localhost", port: 0))
        #expect(try LineServer.Endpoint(tcp: "[::1]:7411") == .tcp(host: "::1", port: 7411))
        #expect(try LineServer.Endpoint(tcp: ":7411") == .tcp(host: "127.0.0.1", port: 7411), "no host means loopback")
        #expect(LineServer.Endpoint.tcp(host: "::1", port: 1).description == "tcp:[::1]:1")
    }

    @Test func refusesWhatIsNotHostAndPort() {
        for text in [
            "7411", "127.0.0.1", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:-1", "::1:7411", "[::1]7411", "host:port",
        ] {
            #expect(throws: LineServerError.self, "\(text)") { try LineServer.Endpoint(tcp: text) }
        }
    }

    @Test func errorsSayWhatToDo() {
        let refused = LineServerError.nonLoopbackWithoutToken("tcp:0.0.0.0:7411").description
        #expect(refused.contains("--token") && refused.contains("loopback"))
        #expect(LineServerError.pathIsNotASocket("/tmp/x").description.contains("not a socket"))
    }
}
