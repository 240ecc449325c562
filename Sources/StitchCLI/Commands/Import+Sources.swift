import ArgumentParser
import Foundation
import StitchApplication
import StitchEngine
import StitchImport
import StitchModel
import StitchStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The kinds of file `stitch import` reads.
enum ImportFormat: String, CaseIterable, ExpressibleByArgument {
    /// A whole community file (`{"members", "activities", "exchanges", "attendance"}`).
    case json
    /// Members, one per CSV row.
    case csvMembers = "csv-members"
    /// Activities, one per CSV row.
    case csvActivities = "csv-activities"
    /// One page of an OpenActive RPDE session feed.
    case openactive
    /// Open Referral UK 3.0 services.
    case openreferral

    /// Tells the format from the file's name and content.
    ///
    /// A `.csv` file holds members or activities by its header: activities when it names a
    /// column only activities have (`schedule`, `topics`, `capacity`…), members when it names one
    /// only members have (`availability`, `offers`, `needs`…). A JSON array is Open Referral
    /// services. A JSON object is an OpenActive page when it has `items`, an Open Referral page
    /// when it has `contents`, a community file when it has `members`, `activities`, `exchanges`
    /// or `attendance`, and an Open Referral service when it has `service_at_locations` or `status`.
    static func detect(path: String, data: Data) throws(CLIError) -> ImportFormat {
        if path.lowercased().hasSuffix(".csv") {
            let header =
                String(decoding: data.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
            let keys = Set(header.split(separator: ",").map { Self.key(String($0)) })
            let memberOnly = Set(CSVMemberReader.columns + CSVMemberReader.aliases.keys).subtracting(
                CSVActivityReader.columns + CSVActivityReader.aliases.keys
            ).map(Self.key)
            let activityOnly = Set(CSVActivityReader.columns + CSVActivityReader.aliases.keys).subtracting(
                CSVMemberReader.columns + CSVMemberReader.aliases.keys
            ).map(Self.key)
            let members = memberOnly.filter(keys.contains).count
            let activities = activityOnly.filter(keys.contains).count
            if members > activities { return .csvMembers }
            if activities > members { return .csvActivities }
            throw unknown(path)
        }
        // A community file is told by a quick scan of its top-level keys, not a decode of all
        // of it; its records are checked as they are read (`run` tells a file that turns out
        // not to be sound JSON as before, with `detectDecoding`).
        if let keys = CommunityImport.topLevelKeys(data), Self.format(keys: Set(keys)) == .json { return .json }
        return try detectDecoding(path: path, data: data)
    }

    /// Tells a JSON file's format from its top-level keys, found by decoding the whole file.
    static func detectDecoding(path: String, data: Data) throws(CLIError) -> ImportFormat {
        guard let keys = try? JSONDecoder().decode(TopLevelKeys.self, from: data) else {
            // Meant as JSON (it opens an object or an array) but not JSON: where, by line and column.
            let start = data.drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
            if start == UInt8(ascii: "{") || start == UInt8(ascii: "["), let problem = JSONDocument.syntaxProblem(in: data) {
                throw .notJSON(file: path, problem)
            }
            throw unknown(path)
        }
        guard let names = keys.names else { return .openreferral }
        guard let format = format(keys: names) else { throw unknown(path) }
        return format
    }

    /// The format of a JSON object with these top-level keys; `nil` when they do not tell.
    static func format(keys names: Set<String>) -> ImportFormat? {
        if names.contains("items") { return .openactive }
        if names.contains("contents") { return .openreferral }
        if !names.isDisjoint(with: Community.fileKeys) { return .json }
        if !names.isDisjoint(with: ["service_at_locations", "status"]) { return .openreferral }
        return nil
    }

    static func unknown(_ path: String) -> CLIError {
        CLIError.usage(
            "cannot tell what kind of file \(path) is; pass --format "
                + ImportFormat.allCases.map(\.rawValue).joined(separator: "|"))
    }

    /// A header name as CSV columns are matched: lowercase letters and digits only.
    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}

/// The keys of a JSON document's top-level object (`nil` names for an array).
private struct TopLevelKeys: Decodable {
    var names: Set<String>?

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if (try? decoder.unkeyedContainer()) != nil {
            names = nil
        } else {
            names = Set(try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue))
        }
    }
}

extension Import {
    /// The records of a CSV, Open Referral or OpenActive file, each checked on its own; fields
    /// that could not be used (the record kept) are listed on standard error.
    func sourceRecords(_ data: Data, format: ImportFormat) throws -> IncomingCommunity {
        let source = try read(data, format: format)
        let fatal = source.issues.filter { $0.index == nil && $0.recordSkipped }
        if !fatal.isEmpty {
            throw CLIError.invalidInput(
                file: file, errors: fatal.map { ValidationError(field: $0.path, reason: $0.reason) })
        }
        let kind = format == .csvMembers ? "member" : "activity"
        let read = format == .csvMembers ? source.members.count : source.activities.count
        let records = Self.count(source.recordCount, source.list == "rows" ? "row" : "record")
        print("Read \(file) (\(format.rawValue)): \(records), \(Self.count(read, kind)) read")
        let notes = source.issues.filter { !$0.recordSkipped }
        if !notes.isEmpty {
            print("Ignored \(Self.count(notes.count, "field")) that could not be used (listed on standard error)")
        }
        for note in notes {
            let kept = note.index == nil ? "" : " (record kept)"
            FileHandle.standardError.write(Data("  \(note.path): \(note.reason)\(kept)\n".utf8))
        }
        return source.incoming
    }

    private func read(_ data: Data, format: ImportFormat) throws -> SourceImport {
        switch format {
        case .csvMembers:
            return CSVMemberReader().read(data)
        case .csvActivities:
            return CSVActivityReader().read(data)
        case .openactive:
            guard let source else {
                throw CLIError.usage(
                    "name the publisher of an OpenActive feed with --source (as in --source \"Active Newham\"): "
                        + "it goes into the activities' ids and attribution")
            }
            return OpenActiveFeedReader().read(data, source: source).sourceImport
        case .openreferral:
            let asOf: CalendarDate
            if let text = self.asOf {
                guard let date = CalendarDate(parsing: text) else {
                    throw CLIError.usage("--as-of '\(text)' is not a date; expected YYYY-MM-DD")
                }
                asOf = date
            } else {
                asOf = Self.today
            }
            return OpenReferralReader(
                source: source, defaultLicence: licence ?? OpenReferralReader.openReferralLicence, asOf: asOf
            ).read(data)
        case .json:
            throw CLIError.usage("a community file is read by `communityRecords`")
        }
    }

    /// `1 row`, `3 rows`, `2 activities`.
    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : noun.hasSuffix("y") ? "\(n) \(noun.dropLast())ies" : "\(n) \(noun)s"
    }

    /// Today in UTC.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: 0)
    }
}
