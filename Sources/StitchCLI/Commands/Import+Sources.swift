import ArgumentParser
import Foundation
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

    /// Whether the file replaces the stored community (a community file) or adds to it.
    var isWholeCommunity: Bool { self == .json }

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
        guard let keys = try? JSONDecoder().decode(TopLevelKeys.self, from: data) else { throw unknown(path) }
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
    /// Reads what `run` does not read as one file of one kind: a folder (a TimeOverflow export)
    /// and a CSV sheet read through `--map`; true when it did, and the import is done.
    func importsOwnWay(into store: SQLiteCommunityStore, dbPath: String) throws -> Bool {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue {
            guard format == nil || format == .timeoverflow else {
                throw CLIError.usage(
                    "\(file) is a folder; a folder is read as a TimeOverflow export (--format timeoverflow), "
                        + "any other kind of file is given by its path")
            }
            if replace { throw CLIError.usage("--replace is for a community file; a TimeOverflow export is added record by record") }
            if map != nil { throw CLIError.usage("--map is for a CSV file, not a folder") }
            try upsert(TimeOverflowReader().read(try Self.csvFiles(in: file)), format: .timeoverflow, into: store, dbPath: dbPath)
            return true
        }
        guard let map else { return false }
        let columnMap: CSVColumnMap
        do {
            columnMap = try CSVColumnMap.read(try Self.contents(of: map))
        } catch let error as ValidationErrors {
            throw CLIError.invalidInput(file: map, errors: error.errors)
        }
        let data = try Self.contents(of: file)
        let format: ImportFormat
        if let given = self.format {
            format = given
        } else if let kind = columnMap.kind {
            format = kind == .members ? .csvMembers : .csvActivities
        } else {
            format = try ImportFormat.csvKind(path: file, keys: Self.mappedHeaderKeys(data, map: columnMap))
        }
        if let kind = columnMap.kind, format != (kind == .members ? .csvMembers : .csvActivities) {
            throw CLIError.usage(
                "--format \(format.rawValue) does not match the mapping file's kind '\(kind.rawValue)'")
        }
        if replace { throw CLIError.usage("--replace is for a community file; a CSV file is added record by record") }
        let source: SourceImport
        switch format {
        case .csvMembers: source = CSVMemberReader(map: columnMap).read(data)
        case .csvActivities: source = CSVActivityReader(map: columnMap).read(data)
        default: throw CLIError.usage("--map is for CSV files of members or activities, not \(format.rawValue)")
        }
        try upsert(source, format: format, into: store, dbPath: dbPath)
        return true
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

    /// Locates the members and activities of a community file that give a postcode and no
    /// location, with `--postcodes`; the postcodes it cannot place, as notes with their paths.
    func locatePostcodes(in community: inout Community) throws -> [StitchModel.ValidationError] {
        guard let postcodes else { return [] }
        let wanted = PostcodeDirectory.wanted(members: community.members, activities: community.activities)
        return try readPostcodes(postcodes, wanted: wanted).locate(&community)
    }

    /// The postcode file, read for the postcodes wanted.
    func readPostcodes(_ path: String, wanted: Set<Postcode>) throws -> PostcodeDirectory {
        do {
            return try PostcodeDirectory.read(URL(fileURLWithPath: path), wanted: wanted)
        } catch {
            throw CLIError.invalidInput(file: path, errors: [error])
        }
    }

    /// Adds or updates the file's records in the stored community, by id.
    func upsert(_ data: Data, format: ImportFormat, into store: SQLiteCommunityStore, dbPath: String) throws {
        try upsert(try read(data, format: format), format: format, into: store, dbPath: dbPath)
    }

    /// Adds or updates a source's members, activities and exchanges in the stored community, by id.
    func upsert(_ read: SourceImport, format: ImportFormat, into store: SQLiteCommunityStore, dbPath: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        var source = read
        let fatal = source.issues.filter { $0.index == nil && $0.recordSkipped }
        if !fatal.isEmpty {
            throw CLIError.invalidInput(
                file: file, errors: fatal.map { ValidationError(field: $0.path, reason: $0.reason) })
        }
        if let postcodes {
            let wanted = PostcodeDirectory.wanted(
                members: source.members.map(\.value), activities: source.activities.map(\.value))
            try readPostcodes(postcodes, wanted: wanted).locate(&source)
        }
        let members = format == .csvMembers || format == .timeoverflow
        let kind = members ? "member" : "activity"
        var counts = Self.count(members ? source.members.count : source.activities.count, kind)
        if !source.exchanges.isEmpty { counts += ", \(Self.count(source.exchanges.count, "exchange"))" }
        let records = Self.count(source.recordCount, ["rows", "users"].contains(source.list) ? "row" : "record")
        print("Read \(file) (\(format.rawValue)): \(records), \(counts) read")

        let stored = try store.hasCommunity() ? try store.load() : Community()
        let merged = CommunityUpsert.merge(source, into: stored)
        let problems = source.issues + merged.issues
        let skipped = Set(problems.filter(\.recordSkipped).compactMap { problem in
            problem.index.map { "\(problem.list ?? "")[\($0)]" }
        }).count
        let ignored = problems.filter { !$0.recordSkipped }.count
        if skipped > 0 {
            print("Skipped \(Self.count(skipped, "record")) with problems (listed on standard error)")
        }
        if ignored > 0 {
            print("Ignored \(Self.count(ignored, "field")) that could not be used (listed on standard error)")
        }
        for problem in problems {
            let note = problem.recordSkipped || problem.index == nil ? "" : " (record kept)"
            FileHandle.standardError.write(Data("  \(problem.path): \(problem.reason)\(note)\n".utf8))
        }

        // The same check as the daemon's, so that what is stored can be served.
        let taxonomy = try JSONInput.decode(
            SkillTaxonomy.self, fromFile: try self.taxonomy ?? DataLocator.path(of: "taxonomy.json"))
        do {
            try Engine.validate(community: merged.community, taxonomy: taxonomy)
        } catch {
            throw CLIError.invalidInput(file: file, errors: error.errors)
        }
        let checked = clock.now
        let total = merged.members.count + merged.activities.count + merged.exchanges.count
        let bar = ProgressBar(enabled: isatty(STDERR_FILENO) == 1 && total >= 20_000)
        try store.upsert(members: merged.members, activities: merged.activities, exchanges: merged.exchanges) {
            done, total in bar.show(done, of: total)
        }
        bar.finish()
        let written = clock.now
        print("Added \(merged.added), updated \(merged.updated) \(kind == "member" ? "members" : "activities")")
        if !merged.exchanges.isEmpty {
            print("Added \(merged.exchangesAdded), updated \(merged.exchangesUpdated) exchanges")
        }
        print("Stored in \(dbPath): \(Self.describe(try store.counts()))")
        print("Checked in \(Self.seconds(checked - start)), stored in \(Self.seconds(written - checked))")
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
            throw CLIError.usage("a community file replaces the stored community: it is not added record by record")
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
