import Foundation
import Testing

@testable import StitchText

/// The safetensors reader on small files the tests write, good and broken.
@Suite("SafeTensors reader")
struct SafeTensorsTests {
    /// A file of `header` (its length prefixed) followed by `data`.
    private static func write(header: String, data: [UInt8], lengthOverride: UInt64? = nil) throws -> URL {
        let headerBytes = Array(header.utf8)
        var bytes: [UInt8] = []
        let length = lengthOverride ?? UInt64(headerBytes.count)
        for index in 0..<8 { bytes.append(UInt8((length >> (8 * UInt64(index))) & 0xFF)) }
        bytes += headerBytes + data
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-safetensors-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    private static func floatBytes(_ values: [Float]) -> [UInt8] {
        values.flatMap { value -> [UInt8] in
            let bits = value.bitPattern.littleEndian
            return (0..<4).map { UInt8((bits >> (8 * UInt32($0))) & 0xFF) }
        }
    }

    /// The message `body` throws, or nil when it does not.
    private static func message(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("reads F32 tensors, skips metadata and checks dtype and shape on request")
    func reads() throws {
        // The header is padded with spaces to a multiple of 8, as writers do, so the floats align.
        var header = #"{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b":{"dtype":"I64","shape":[1],"data_offsets":[24,32]}}"#
        while (header.utf8.count + 8) % 8 != 0 { header += " " }
        let url = try Self.write(header: header, data: Self.floatBytes([1, 2, 3, 4, 5, 6]) + [7, 0, 0, 0, 0, 0, 0, 0])
        defer { try? FileManager.default.removeItem(at: url) }
        let file = try SafeTensors(contentsOf: url)
        #expect(file.metadata == ["format": "pt"])
        #expect(file.tensors.keys.sorted() == ["a", "b"])
        #expect(Array(try file.floats("a", shape: [2, 3])) == [1, 2, 3, 4, 5, 6])
        #expect(Self.message { _ = try file.floats("a", shape: [3, 2]) }?.contains("has shape [2, 3], not [3, 2]") == true)
        #expect(Self.message { _ = try file.floats("b") }?.contains("tensor b is I64, not F32") == true)
        #expect(Self.message { _ = try file.floats("c") }?.contains("has no tensor named c") == true)
    }

    @Test("a file shorter than the header length is truncated")
    func truncatedLength() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-safetensors-\(UUID().uuidString)")
        try Data([1, 2, 3]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = Self.message { _ = try SafeTensors(contentsOf: url) }
        #expect(error?.contains("truncated: 3 bytes, fewer than the 8 of the header length") == true)
        #expect(error?.contains(url.path) == true)
    }

    @Test("a header longer than the file is truncated")
    func truncatedHeader() throws {
        let url = try Self.write(header: "{}", data: [], lengthOverride: 1000)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            Self.message { _ = try SafeTensors(contentsOf: url) }?
                .contains("truncated: the header is 1000 bytes long but only 2 bytes follow its length") == true)
    }

    @Test("data cut short puts a tensor's offsets outside the file")
    func truncatedData() throws {
        let url = try Self.write(
            header: #"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: Self.floatBytes([1, 2]))
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(
            Self.message { _ = try SafeTensors(contentsOf: url) }?
                .contains("tensor a: data_offsets [0, 16] fall outside the 8 bytes of data after the header") == true)
    }

    @Test("a header that is not JSON, or not an object, or lacks fields")
    func badHeader() throws {
        for (header, expected) in [
            ("{not json", "the header is not valid JSON"),
            ("[1, 2]", "the header is not a JSON object"),
            (#"{"a":{"dtype":"F32","shape":[1]}}"#, "tensor a: the header entry lacks dtype, shape or data_offsets"),
            (#"{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#, "tensor a: the shape is not a list of non-negative integers"),
            (#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#, "tensor a: data_offsets is not a pair of integers"),
            (#"{"__metadata__":{"n":1}}"#, "__metadata__ is not an object of strings"),
        ] {
            let url = try Self.write(header: header, data: [0, 0, 0, 0])
            defer { try? FileManager.default.removeItem(at: url) }
            let error = Self.message { _ = try SafeTensors(contentsOf: url) }
            #expect(error?.contains(expected) == true, "\(header): \(error ?? "no error")")
        }
    }

    @Test("offsets out of range, reversed, or disagreeing with the shape")
    func badOffsets() throws {
        for (header, expected) in [
            (#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,12]}}"#, "data_offsets [4, 12] fall outside the 8 bytes"),
            (#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}}"#, "data_offsets [8, 4] fall outside"),
            (#"{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#, "shape [3] of F32 needs 12 bytes but data_offsets span 8"),
        ] {
            let url = try Self.write(header: header, data: Self.floatBytes([1, 2]))
            defer { try? FileManager.default.removeItem(at: url) }
            let error = Self.message { _ = try SafeTensors(contentsOf: url) }
            #expect(error?.contains(expected) == true, "\(header): \(error ?? "no error")")
        }
    }

    @Test("a missing file names itself")
    func missingFile() {
        let error = Self.message { _ = try SafeTensors(contentsOf: URL(fileURLWithPath: "/nonexistent/model.safetensors")) }
        #expect(error?.contains("/nonexistent/model.safetensors: cannot open the file") == true)
    }
}
