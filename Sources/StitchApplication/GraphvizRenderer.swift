import Foundation

/// Renders Graphviz DOT text (the pictures of ``StitchNetwork``) with the Graphviz installed on
/// the machine, for every interface that shows a picture (`stitch network`, the web pages).
///
/// The DOT names its layout engine (`layout=neato`, `layout=fdp`, `layout=sfdp`), so any of
/// Graphviz's programs draws it as meant; the first of `sfdp` and `dot` on `PATH` is run.
/// The text goes through a temporary file, never a pipe the two sides could both wait on.
public enum GraphvizRenderer {
    /// The formats rendered: what Graphviz's `-T` takes.
    public enum Format: String, Sendable, CaseIterable {
        case svg, png
    }

    /// Why a picture could not be rendered.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Neither `sfdp` nor `dot` is on `PATH`.
        case notInstalled
        /// Graphviz ran and refused: its own message.
        case failed(String)
        /// A temporary or output file could not be written.
        case unwritable(path: String, reason: String)

        public var description: String {
            switch self {
            case .notInstalled:
                "Graphviz is not installed (neither `sfdp` nor `dot` is on PATH); install it with `make deps` (Debian package graphviz)"
            case .failed(let message): "Graphviz could not render the picture: \(message)"
            case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
            }
        }
    }

    /// The Graphviz program run: `sfdp`, else `dot`, from `PATH`; `nil` when neither is there.
    public static func program() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for tool in ["sfdp", "dot"] {
            for folder in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(tool)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    /// Renders `dot` as `format` into the file at `output`.
    public static func render(_ dot: String, as format: Format, to output: URL) throws(Failure) {
        guard let program = program() else { throw .notInstalled }
        let source = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-\(UUID().uuidString).dot")
        defer { try? FileManager.default.removeItem(at: source) }
        do {
            try Data(dot.utf8).write(to: source)
        } catch {
            throw .unwritable(path: source.path, reason: (error as NSError).localizedDescription)
        }
        let process = Process()
        process.executableURL = program
        process.arguments = ["-T\(format.rawValue)", source.path, "-o", output.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .failed((error as NSError).localizedDescription)
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .failed(message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    /// Renders `dot` as `format` and answers the bytes.
    public static func render(_ dot: String, as format: Format) throws(Failure) -> Data {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: output) }
        try render(dot, as: format, to: output)
        do {
            return try Data(contentsOf: output)
        } catch {
            throw .failed("its output could not be read: \((error as NSError).localizedDescription)")
        }
    }
}
