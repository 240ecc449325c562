import Foundation
import StitchApplication
import StitchModel

/// `stitch referral report`'s forms: text for a person, CSV for a spreadsheet, a PNG for a
/// meeting (gnuplot, which `make deps` installs).
enum ReferralReportWriter {
    static func percent(_ share: Double?) -> String { share.map { String(format: "%.0f%%", $0 * 100) } ?? "n/a" }

    static func text(_ report: MethodResults.ReferralReport) -> String {
        var lines = ["\(Wording.count(report.referrals, "referral"))"]
        let statuses = ReferralStatus.allCases.map { "\($0.rawValue) \(report.byStatus[$0.rawValue] ?? 0)" }
        lines.append("  by status: " + statuses.joined(separator: ", "))
        if !report.byNeed.isEmpty {
            lines.append("  by need: " + report.byNeed.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("  by practice: " + report.byPractice.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        lines.append("  uptake \(percent(report.uptake)), completion \(percent(report.completion))")
        lines.append("  median days to first contact: \(report.medianDaysToFirstContact.map { String(format: "%g", $0) } ?? "n/a")")
        for use in report.activities {
            lines.append("  \(use.name ?? use.activity) (\(use.activity)): offered \(use.offered), chosen \(use.chosen)\(use.full ? ", full" : "")")
        }
        if !report.unused.isEmpty {
            let shown = report.unused.prefix(12).joined(separator: ", ")
            let more = report.unused.count > 12 ? " and \(report.unused.count - 12) more (--csv lists them all)" : ""
            lines.append("  unused (\(report.unused.count)): \(shown)\(more)")
        }
        return lines.joined(separator: "\n")
    }

    /// `section,key,value` rows, one figure each (RFC 4180 quoting).
    static func csv(_ report: MethodResults.ReferralReport) -> String {
        var rows = [["section", "key", "value"], ["total", "referrals", "\(report.referrals)"]]
        for status in ReferralStatus.allCases { rows.append(["status", status.rawValue, "\(report.byStatus[status.rawValue] ?? 0)"]) }
        for (need, count) in report.byNeed.sorted(by: { $0.key < $1.key }) { rows.append(["need", need, "\(count)"]) }
        for (practice, count) in report.byPractice.sorted(by: { $0.key < $1.key }) { rows.append(["practice", practice, "\(count)"]) }
        rows.append(["rate", "uptake", report.uptake.map { "\($0)" } ?? ""])
        rows.append(["rate", "completion", report.completion.map { "\($0)" } ?? ""])
        rows.append(["time", "median-days-to-first-contact", report.medianDaysToFirstContact.map { "\($0)" } ?? ""])
        for use in report.activities {
            rows.append(["offered", use.activity, "\(use.offered)"])
            rows.append(["chosen", use.activity, "\(use.chosen)"])
            if use.full { rows.append(["full", use.activity, "1"]) }
        }
        for id in report.unused { rows.append(["unused", id, "1"]) }
        return rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Referrals by status as a bar chart, drawn by gnuplot into `path` (PNG).
    static func plot(_ report: MethodResults.ReferralReport, to path: String) throws {
        let data = ReferralStatus.allCases.map { "\"\($0.rawValue)\" \(report.byStatus[$0.rawValue] ?? 0)" }.joined(separator: "\n")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stitch-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dataFile = folder.appendingPathComponent("status.dat")
        try Data((data + "\n").utf8).write(to: dataFile)
        let output = URL(fileURLWithPath: path).standardizedFileURL.path
        func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        let script = """
            set terminal pngcairo size 900,480 font 'sans,11'
            set output \(quoted(output))
            set title 'Referrals by status (\(report.referrals) in all)'
            set style fill solid 0.8 border -1
            set boxwidth 0.7
            set yrange [0:*]
            set ytics \(max(1, ((report.byStatus.values.max() ?? 0) + 9) / 10))
            set ylabel 'referrals'
            unset key
            set grid ytics
            plot \(quoted(dataFile.path)) using 0:2:xtic(1) with boxes lc rgb '#1f5f8b'
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gnuplot"]
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw CLIError.usage("cannot run gnuplot to draw \(path): install it (`make deps` does) or leave out --plot")
        }
        input.fileHandleForWriting.write(Data(script.utf8))
        try? input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: output) else {
            throw CLIError.usage("gnuplot could not draw \(path): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
