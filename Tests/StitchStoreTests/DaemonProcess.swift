import Foundation
import StitchTestSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `stitch serve --stdio` binary, kept running: requests are written to its standard
/// input as the test goes, and its response lines are collected as they come, so a test can
/// kill it at any moment and know exactly which requests were answered.
///
/// Standard input is a pipe the test owns: its read end is closed here once the daemon has it,
/// so a write after the daemon died fails (EPIPE) instead of blocking.
final class DaemonProcess {
    private let process: Process
    private let input: Int32
    private let collected = Collected()
    private let writerDone = DispatchSemaphore(value: 0)
    private var writing = false
    private var inputOpen = true

    /// What the reading and writing threads share with the test.
    private final class Collected: Sendable {
        let lines = Mutex<[String]>([])
        let errors = Mutex(Data())
        let finished = Mutex(false)
        let written = Mutex(0)
    }

    /// Starts `stitch serve --stdio` with these extra arguments; without the text model unless
    /// `meaning` (see `CommandRunner.environment`).
    init(_ arguments: [String], meaning: Bool = false) throws {
        // A write to the pipe of a killed daemon must fail with EPIPE, not kill the tests.
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw POSIXError(.EMFILE) }
        // Not inherited by processes other tests start meanwhile (the daemon gets a dup2 copy).
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["serve", "--stdio"] + arguments
        process.currentDirectoryURL = Fixtures.root
        var environment = ProcessInfo.processInfo.environment.merging(CommandRunner.environment) { $1 }
        if meaning { environment["STITCH_MEANING"] = ProcessInfo.processInfo.environment["STITCH_MEANING"] }
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = FileHandle(fileDescriptor: fds[0], closeOnDealloc: false)
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            close(fds[0])
            close(fds[1])
            throw error
        }
        close(fds[0])
        self.process = process
        input = fds[1]
        let output = stdout.fileHandleForReading
        let errorOutput = stderr.fileHandleForReading
        Thread.detachNewThread { [collected] in Self.readLines(output, into: collected) }
        Thread.detachNewThread { [collected] in
            while true {
                let chunk = errorOutput.availableData
                if chunk.isEmpty { return }
                collected.errors.withLock { $0.append(chunk) }
            }
        }
    }

    private static func readLines(_ output: FileHandle, into collected: Collected) {
        var buffer = Data()
        while true {
            let chunk = output.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            var complete: [String] = []
            while let newline = buffer.firstIndex(of: 0x0A) {
                complete.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
                buffer = Data(buffer[(newline + 1)...])
            }
            if !complete.isEmpty { collected.lines.withLock { $0 += complete } }
        }
        collected.finished.withLock { $0 = true }
    }

    /// Writes one request line now; `false` once the daemon is gone.
    @discardableResult
    func send(_ line: String) -> Bool { writeAll(input, Data((line + "\n").utf8)) }

    /// Writes every request line from another thread, as fast as the daemon reads them, until
    /// the daemon is gone. ``kill()`` and ``stop()`` wait for that thread.
    func stream(_ requests: [String]) {
        precondition(!writing, "one stream at a time")
        writing = true
        Thread.detachNewThread { [input, collected, writerDone] in
            for request in requests {
                guard writeAll(input, Data((request + "\n").utf8)) else { break }
                collected.written.withLock { $0 += 1 }
            }
            writerDone.signal()
        }
    }

    /// How many streamed lines were written whole.
    var written: Int { collected.written.withLock { $0 } }

    /// The response lines read so far.
    var responses: [String] { collected.lines.withLock { $0 } }

    /// What the daemon wrote to standard error so far.
    var log: String { String(decoding: collected.errors.withLock { $0 }, as: UTF8.self) }

    /// Waits until at least `count` responses have arrived (or the timeout passes, or standard
    /// output closes); returns the responses read.
    @discardableResult
    func waitForResponses(_ count: Int, timeout: Duration = .seconds(30)) -> [String] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let current = responses
            if current.count >= count || collected.finished.withLock({ $0 }) { return current }
            usleep(1_000)
        }
        return responses
    }

    /// SIGKILL: no chance to flush, close or checkpoint anything. Returns once the process is
    /// gone and every response it wrote has been read.
    func kill() {
        sendSignal(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        finishWriting()
        waitForOutputToClose()
    }

    /// SIGTERM, with standard input still open: waits for the exit; returns the exit status.
    func terminate() -> Int32 {
        sendSignal(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        finishWriting()
        waitForOutputToClose()
        return process.terminationStatus
    }

    /// Closes standard input and waits for a clean exit; returns the exit status.
    func stop() -> Int32 {
        finishWriting()
        closeInput()
        process.waitUntilExit()
        waitForOutputToClose()
        return process.terminationStatus
    }

    private func finishWriting() {
        guard writing else { return }
        writing = false
        writerDone.wait()
    }

    private func closeInput() {
        if inputOpen { close(input) }
        inputOpen = false
    }

    private func waitForOutputToClose() {
        let deadline = ContinuousClock.now + .seconds(10)
        while !collected.finished.withLock({ $0 }), ContinuousClock.now < deadline { usleep(1_000) }
    }

    deinit {
        if process.isRunning {
            sendSignal(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        finishWriting()
        closeInput()
    }
}

/// `write(2)` until every byte is written; `false` on an error (EPIPE once the reader is gone).
private func writeAll(_ fd: Int32, _ data: Data) -> Bool {
    data.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }
}

private func sendSignal(_ pid: Int32, _ signal: Int32) {
    _ = kill(pid, signal)
}
