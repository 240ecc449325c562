import Foundation

/// Runs a python3 reference script as a subprocess, JSON in and JSON out, for tests that check
/// Stitch against numpy or scipy.
///
/// The script gets the input file's path as `sys.argv[1]` and writes its answer to `sys.argv[2]`.
/// It runs with the project's virtual environment (`.venv/bin/python3`, made by `make deps`) when
/// that exists, else with the `python3` on `PATH`.
/// A missing python3, numpy or scipy makes the calling test fail with a message saying so: the
/// reference check is never skipped silently.
public enum PythonScript {
    /// Why a reference script could not answer.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The project's root folder (two levels above this file's folder).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.venv/bin/python3` under the project's root, when `make deps` has made it.
    static var venvPython: URL? {
        let python = repositoryRoot.appendingPathComponent(".venv/bin/python3")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : nil
    }

    /// Runs `script` with `input` and decodes its output as `Output`.
    ///
    /// - Parameter reference: what the script computes, for error messages ("numpy reference").
    public static func run<Input: Encodable, Output: Decodable>(
        _ script: String, input: Input, as _: Output.Type = Output.self, reference: String
    ) throws -> Output {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("stitch-python-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("input.json")
        let outputURL = directory.appendingPathComponent("output.json")
        try JSONEncoder().encode(input).write(to: inputURL)

        let process = Process()
        if let python = venvPython {
            process.executableURL = python
            process.arguments = ["-c", script, inputURL.path, outputURL.path]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script, inputURL.path, outputURL.path]
        }
        let messages = Pipe()
        process.standardOutput = messages
        process.standardError = messages
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start python3 for the \(reference) (run `make deps`): \(error)")
        }
        let log = String(decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus != 127 else {
            throw Failure(description: "python3 was not found on PATH; the \(reference) needs it (run `make deps`): \(log)")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "the \(reference) failed (status \(process.terminationStatus)): \(log)")
        }
        return try JSONDecoder().decode(Output.self, from: Data(contentsOf: outputURL))
    }
}
