import Foundation
import Testing

@testable import StitchApplication

/// The identity text vectors are kept under: the same for the same model files, different
/// when the weights or the configuration differ.
@Suite struct TextModelIdentityTests {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    private func sha256(_ text: String) -> String {
        var hash = SHA256()
        hash.update(Array(text.utf8))
        return hex(hash.finish())
    }

    @Test func sha256MatchesTheStandardsVectors() {
        #expect(sha256("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in pieces that cross block boundaries.
        var hash = SHA256()
        let text = Array(String(repeating: "a", count: 1000).utf8)
        for start in stride(from: 0, to: text.count, by: 37) { hash.update(Array(text[start..<min(start + 37, text.count)])) }
        #expect(hex(hash.finish()) == sha256(String(repeating: "a", count: 1000)))
        #expect(sha256(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    /// A folder `name` holding a fake model: a safetensors header and `bytes` of weights.
    private func fakeModel(_ root: URL, name: String, weights: [UInt8], config: String = #"{"hidden_size": 4}"#) throws -> URL {
        let folder = root.appendingPathComponent(UUID().uuidString).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let header = Array(#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#.utf8)
        let length = (0..<8).map { UInt8(truncatingIfNeeded: header.count >> (8 * $0)) }
        try Data(length + header + weights).write(to: folder.appendingPathComponent("model.safetensors"))
        try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
        try Data("[PAD]\n[UNK]\n".utf8).write(to: folder.appendingPathComponent("vocab.txt"))
        return folder
    }

    @Test func theIdentityFollowsTheFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-identity-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let weights = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let base = try TextModelIdentity.of(directory: try fakeModel(root, name: "mini", weights: weights))
        #expect(base.hasPrefix("mini@") && base.count == "mini@".count + 16)
        #expect(try TextModelIdentity.of(directory: try fakeModel(root, name: "mini", weights: weights)) == base, "same files elsewhere")
        var changed = weights
        // Only slices of the weights are hashed (a retrained model differs throughout): these
        // bytes are in the first and the last.
        changed[100] ^= 1
        #expect(try TextModelIdentity.of(directory: try fakeModel(root, name: "mini", weights: changed)) != base, "other weights")
        changed = weights
        changed[weights.count - 1] ^= 1
        #expect(try TextModelIdentity.of(directory: try fakeModel(root, name: "mini", weights: changed)) != base, "other weights")
        #expect(
            try TextModelIdentity.of(directory: try fakeModel(root, name: "mini", weights: weights, config: #"{"hidden_size": 8}"#)) != base,
            "another configuration")
        #expect(try TextModelIdentity.of(directory: try fakeModel(root, name: "mini", weights: weights + [0])) != base, "another size")
        #expect(throws: (any Error).self) { try TextModelIdentity.of(directory: root.appendingPathComponent("missing")) }
    }
}
