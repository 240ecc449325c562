import Foundation
import StitchModel
import StitchTestSupport
import Testing

@testable import StitchApplication

/// `community.load {"path"}` reads only what the daemon was told it may, and never says what a
/// file holds.
@Suite struct LoadPolicyTests {
    /// A scratch folder with an allowed subfolder, removed at the end.
    final class Folder {
        let root: URL
        let allowed: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-load-\(UUID().uuidString)")
            allowed = root.appendingPathComponent("allowed")
            try FileManager.default.createDirectory(at: allowed, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: root) }

        func write(_ text: String, to name: String, in folder: URL? = nil) throws -> String {
            let url = (folder ?? allowed).appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url.path
        }
    }

    private func refusal(_ policy: LoadPolicy, _ path: String) -> ServiceError? {
        do {
            _ = try policy.community(at: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func loadingFromAFileIsOffByDefault() throws {
        let folder = try Folder()
        let path = try folder.write(#"{"members":[]}"#, to: "c.json")
        let error = try #require(refusal(.denied, path))
        #expect(error.code == -32602)
        #expect(error.data?.field == "params.path")
        #expect(error.data?.reason.contains("--allow-load-path") == true)
    }

    @Test func aPathOutsideTheFolderGetsTheSameAnswerWhetherOrNotItExists() throws {
        let folder = try Folder()
        let policy = LoadPolicy.allowing(directory: folder.allowed.path)
        let existing = try folder.write(#"{"members":[]}"#, to: "outside.json", in: folder.root)
        let missing = folder.root.appendingPathComponent("missing.json").path
        let a = try #require(refusal(policy, existing)), b = try #require(refusal(policy, missing))
        #expect(a == b)
        #expect(try #require(refusal(policy, "../outside.json")) == a, "a relative path climbing out is refused too")
        #expect(try #require(refusal(policy, "/etc/passwd")) == a)
    }

    @Test func aSymbolicLinkLeadingOutsideIsRefused() throws {
        let folder = try Folder()
        let policy = LoadPolicy.allowing(directory: folder.allowed.path)
        let target = try folder.write(#"{"members":[]}"#, to: "secret.json", in: folder.root)
        let link = folder.allowed.appendingPathComponent("link.json").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let error = try #require(refusal(policy, link))
        #expect(error.data?.reason.contains("only files under the folder") == true)
    }

    @Test func aFileOverTheSizeIsRefusedBeforeItIsRead() throws {
        let folder = try Folder()
        let policy = LoadPolicy.allowing(directory: folder.allowed.path, maximumBytes: 64)
        let path = try folder.write(#"{"members":[],"activities":[],"exchanges":[],"attendance":[]}"# + String(repeating: " ", count: 64), to: "big.json")
        let error = try #require(refusal(policy, path))
        #expect(error.data?.reason.contains("over the limit of 64") == true)
    }

    @Test func aFileWithoutCommunityKeysIsRefusedNotReadAsEmpty() throws {
        let folder = try Folder()
        let policy = LoadPolicy.allowing(directory: folder.allowed.path)
        for text in [#"{"skills":[]}"#, "[]", "42", #"{"AKIA":"secret"}"#] {
            let path = try folder.write(text, to: "other.json")
            let error = try #require(refusal(policy, path))
            #expect(error.data?.reason.contains("not a community") == true, "\(text)")
        }
        let notJSON = try folder.write("AKIA-SECRET-KEY", to: "key.txt")
        let error = try #require(refusal(policy, notJSON))
        #expect(error.data?.reason == "the file is not valid JSON (line 1, column 1)")
    }

    @Test func reasonsNeverQuoteTheFilesContent() throws {
        let folder = try Folder()
        let policy = LoadPolicy.allowing(directory: folder.allowed.path)
        let text = #"{"members":[{"id":"m-1","availability":[{"day":"AKIA-SECRET-KEY","start":"10:00","end":"12:00"}]}]}"#
        let path = try folder.write(text, to: "leak.json")
        let error = try #require(refusal(policy, path))
        let encoded = String(decoding: try JSONEncoder().encode(error), as: UTF8.self)
        #expect(!encoded.contains("AKIA"), "\(encoded)")
        #expect(error.data?.reason.contains("members[0].availability[0].day") == true, "\(encoded)")
    }

    @Test func anAllowedCommunityFileLoads() throws {
        let policy = LoadPolicy.allowing(directory: Fixtures.dataURL("").path)
        let file = try policy.community(at: "lewisham.json")
        #expect(file.community == (try Fixtures.lewisham))
        #expect(file.pairings == (try Fixtures.lewishamPairings))
        #expect(!file.pairings.isEmpty && !file.community.ledger.isEmpty, "the bundled file carries its ledger and pairing")
    }
}
