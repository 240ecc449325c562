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
        let wellbeing = report.wellbeing
        if wellbeing.all.swemwbs.count > 0 || wellbeing.all.satisfied.count > 0 {
            lines.append("  wellbeing change (SWEMWBS metric points; important: at least 3):")
            lines.append("    all: \(swemwbs(wellbeing.all.swemwbs))")
            for activity in wellbeing.byActivity {
                lines.append("    \(activity.name ?? activity.activity) (\(activity.activity)): \(swemwbs(activity.summary.swemwbs))")
            }
            for topic in wellbeing.byTopic { lines.append("    topic \(topic.topic): \(swemwbs(topic.summary.swemwbs))") }
        }
        return lines.joined(separator: "\n")
    }

    /// "3 people, mean +2.10 (95% CI -0.40 to 4.60), 1 improved, 2 no important change, 0 worsened".
    static func swemwbs(_ s: ChangeSummary) -> String {
        guard let mean = s.meanChange else { return "not measured before and after" }
        var text = "\(Wording.count(s.count, "person", plural: "people")), mean \(String(format: "%+.2f", mean))"
        if let lower = s.lower95, let upper = s.upper95 { text += String(format: " (95%% CI %.2f to %.2f)", lower, upper) }
        return text + ", \(s.improved) improved, \(s.noImportantChange) no important change, \(s.worsened) worsened"
    }

    /// The CSV rows of one group's wellbeing changes: `section,<key>.<measure>.<figure>,value`.
    static func wellbeingRows(_ section: String, _ key: String, _ summary: WellbeingChangeSummary) -> [[String]] {
        var rows: [[String]] = []
        let measures = [
            ("swemwbs", summary.swemwbs), ("satisfied", summary.satisfied), ("worthwhile", summary.worthwhile),
            ("happy", summary.happy), ("anxious", summary.anxious),
        ]
        for (name, s) in measures where s.count > 0 {
            let figures: [(String, String)] = [
                ("count", "\(s.count)"), ("meanChange", s.meanChange.map { "\($0)" } ?? ""), ("lower95", s.lower95.map { "\($0)" } ?? ""),
                ("upper95", s.upper95.map { "\($0)" } ?? ""), ("improved", "\(s.improved)"),
                ("noImportantChange", "\(s.noImportantChange)"), ("worsened", "\(s.worsened)"),
            ]
            for (figure, value) in figures { rows.append([section, "\(key).\(name).\(figure)", value]) }
        }
        return rows
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
        rows += wellbeingRows("wellbeing", "all", report.wellbeing.all)
        for activity in report.wellbeing.byActivity { rows += wellbeingRows("wellbeing-activity", activity.activity, activity.summary) }
        for topic in report.wellbeing.byTopic { rows += wellbeingRows("wellbeing-topic", topic.topic, topic.summary) }
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
