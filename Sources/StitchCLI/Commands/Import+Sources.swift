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
    /// A TimeOverflow export: its users, offers, inquiries and transfers CSV reports (a folder,
    /// or one report).
    case timeoverflow

    /// Tells the format from the file's name and content.
    ///
    /// A `.csv` file is a TimeOverflow report when its header is one of theirs, else it holds
    /// members or activities by its header: activities when it names a
    /// column only activities have (`schedule`, `topics`, `capacity`…), members when it names one
    /// only members have (`availability`, `offers`, `needs`…). A JSON array is Open Referral
    /// services. A JSON object is an OpenActive page when it has `items`, an Open Referral page
    /// when it has `contents`, a community file when it has `members`, `activities`, `exchanges`
    /// or `attendance`, and an Open Referral service when it has `service_at_locations` or `status`.
    static func detect(path: String, data: Data) throws(CLIError) -> ImportFormat {
        if path.lowercased().hasSuffix(".csv") {
            let header =
                String(decoding: data.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
            let cells = header.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\u{FEFF} \r"))
            }
            if TimeOverflowReader.report(header: cells, fileName: path) != nil { return .timeoverflow }
            return try csvKind(path: path, keys: Set(header.split(separator: ",").map { Self.key(String($0)) }))
        }
        // A community file is told by a quick scan of its top-level keys, not a decode of all
        // of it; its records are checked as they are read (`run` tells a file that turns out
        // not to be sound JSON as before, with `detectDecoding`).
        if let keys = CommunityImport.topLevelKeys(data), Self.format(keys: Set(keys)) == .json { return .json }
        return try detectDecoding(path: path, data: data)
    }

    /// Members or activities, by the CSV header's matching keys.
    static func csvKind(path: String, keys: Set<String>) throws(CLIError) -> ImportFormat {
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
    /// The file's records as the import merges them, whatever its kind: a folder (a TimeOverflow
    /// export), a CSV sheet read through `--map`, a community file, or a CSV, Open Referral or
    /// OpenActive file. Nothing is opened for writing before this has read the whole input.
    func incomingRecords() throws -> IncomingCommunity {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            guard format == nil || format == .timeoverflow else {
                throw CLIError.usage(
                    "\(file) is a folder; a folder is read as a TimeOverflow export (--format timeoverflow), "
                        + "any other kind of file is given by its path")
            }
            if map != nil { throw CLIError.usage("--map is for a CSV file, not a folder") }
            return try sourceRecords(TimeOverflowReader().read(try Self.csvFiles(in: file)), format: .timeoverflow)
        }
        let data = try Self.contents(of: file)
        if let map { return try mappedRecords(data, map: map) }
        let format = try self.format ?? ImportFormat.detect(path: file, data: data)
        return format == .json ? try communityRecords(data) : try sourceRecords(try read(data, format: format), format: format)
    }

    /// A CSV sheet of members or activities laid out its own way, read through the mapping file.
    func mappedRecords(_ data: Data, map: String) throws -> IncomingCommunity {
        let columnMap: CSVColumnMap
        do {
            columnMap = try CSVColumnMap.read(try Self.contents(of: map))
        } catch let error as ValidationErrors {
            throw CLIError.invalidInput(file: map, errors: error.errors)
        }
        let format: ImportFormat
        if let given = self.format {
            format = given
        } else if let kind = columnMap.kind {
            format = kind == .members ? .csvMembers : .csvActivities
        } else {
            format = try ImportFormat.csvKind(path: file, keys: Self.mappedHeaderKeys(data, map: columnMap))
        }
        if let kind = columnMap.kind, format != (kind == .members ? .csvMembers : .csvActivities) {
            throw CLIError.usage("--format \(format.rawValue) does not match the mapping file's kind '\(kind.rawValue)'")
        }
        switch format {
        case .csvMembers: return try sourceRecords(CSVMemberReader(map: columnMap).read(data), format: format)
        case .csvActivities: return try sourceRecords(CSVActivityReader(map: columnMap).read(data), format: format)
        default: throw CLIError.usage("--map is for CSV files of members or activities, not \(format.rawValue)")
        }
    }

    /// The records of a CSV, Open Referral, OpenActive or TimeOverflow source, each checked on
    /// its own; fields that could not be used (the record kept) are listed on standard error.
    func sourceRecords(_ source: SourceImport, format: ImportFormat) throws -> IncomingCommunity {
        let fatal = source.issues.filter { $0.index == nil && $0.recordSkipped }
        if !fatal.isEmpty {
            throw CLIError.invalidInput(
                file: file, errors: fatal.map { ValidationError(field: $0.path, reason: $0.reason) })
        }
        let members = format == .csvMembers || format == .timeoverflow
        var counts = members ? Wording.count(source.members.count, "member") : Wording.count(source.activities.count, "activity")
        if !source.exchanges.isEmpty { counts += ", " + Wording.count(source.exchanges.count, "exchange") }
        let records = Wording.count(source.recordCount, ["rows", "users"].contains(source.list) ? "row" : "record")
        print("Read \(file) (\(format.rawValue)): \(records), \(counts) read")
        let notes = source.issues.filter { !$0.recordSkipped }
        if !notes.isEmpty {
            print("Ignored \(Wording.count(notes.count, "field")) that could not be used (listed on standard error)")
        }
        for note in notes {
            let kept = note.index == nil ? "" : " (record kept)"
            FileHandle.standardError.write(Data("  \(note.path): \(note.reason)\(kept)\n".utf8))
        }
        return source.incoming
    }

    /// Locates, with `--postcodes`, the incoming members and activities that give a postcode and
    /// no location; a postcode the file cannot place is listed on standard error, the record kept
    /// with its location unknown.
    func locatePostcodes(in incoming: IncomingCommunity) throws -> IncomingCommunity {
        guard let postcodes else { return incoming }
        var incoming = incoming
        let wanted = PostcodeDirectory.wanted(
            members: incoming.members.map(\.value), activities: incoming.activities.map(\.value))
        let directory: PostcodeDirectory
        do {
            directory = try PostcodeDirectory.read(URL(fileURLWithPath: postcodes), wanted: wanted)
        } catch {
            throw CLIError.invalidInput(file: postcodes, errors: [error])
        }
        func note(_ problem: StitchModel.ValidationError, at path: String?) {
            let place = path.map { "\($0)." } ?? ""
            FileHandle.standardError.write(Data("  \(place)\(problem.field): \(problem.reason) (record kept)\n".utf8))
        }
        for i in incoming.members.indices {
            if let problem = directory.locate(&incoming.members[i].value) { note(problem, at: incoming.members[i].path) }
        }
        for i in incoming.activities.indices {
            if let problem = directory.locate(&incoming.activities[i].value) { note(problem, at: incoming.activities[i].path) }
        }
        return incoming
    }

    /// The matching keys of a CSV header as the mapping file renames it, to tell members from activities.
    static func mappedHeaderKeys(_ data: Data, map: CSVColumnMap) -> Set<String> {
        let header = String(decoding: data.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).first ?? ""
        let key = ImportFormat.key
        let renames = Dictionary(map.columns.map { (key($0.key), key($0.value)) }) { first, _ in first }
        return Set(header.split(separator: ",").map { renames[key(String($0))] ?? key(String($0)) })
    }

    /// The `.csv` files of a folder, by name, with their bytes.
    static func csvFiles(in folder: String) throws -> [(name: String, data: Data)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw CLIError.unreadable(file: folder, reason: (error as NSError).localizedDescription)
        }
        let csv = names.filter { $0.lowercased().hasSuffix(".csv") }.sorted()
        guard !csv.isEmpty else {
            throw CLIError.usage(
                "\(folder) holds no .csv file; unzip TimeOverflow's export (its users, offers, inquiries and "
                    + "transfers reports) into it")
        }
        return try csv.map { ($0, try contents(of: (folder as NSString).appendingPathComponent($0))) }
    }

    /// A file's bytes, or a clear error.
    static func contents(of path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CLIError.unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
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
        case .timeoverflow:
            return TimeOverflowReader().read([((file as NSString).lastPathComponent, data)])
        case .json:
            throw CLIError.usage("a community file is read by `communityRecords`")
        }
    }

    /// Today in UTC.
    static var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
            ?? CalendarDate(dayNumber: 0)
    }
}
