import Foundation
public import StitchModel

/// The locations of UK postcodes, from a postcode file the user gives (`stitch import --postcodes
/// FILE`): the ONS Postcode Directory (ONSPD) CSV, or any CSV with a postcode, a latitude and a
/// longitude column.
///
/// The header names the columns, matched ignoring case, spaces and underscores: the postcode is
/// `pcds`, `pcd`, `pcd2`, `pcd7`, `pcd8` (the ONSPD's forms), `postcode`, `post code` or `postal
/// code`; the latitude `lat` or `latitude`; the longitude `long`, `lon`, `lng` or `longitude`.
/// Postcodes are matched in any case and spacing (`SE136LH`, `se13 6lh`). A row whose coordinates
/// are not a place on Earth (the ONSPD writes latitude 99.999999 for a postcode it cannot place)
/// gives no location. Eastings and northings (Code-Point Open) are not converted.
///
/// The file is read as a stream, one line at a time, and only the postcodes asked for are kept
/// (the reading stops when all are found), so the whole ONSPD (2.7 million rows) can be given as
/// it is downloaded.
///
/// ```swift
/// let directory = try PostcodeDirectory.read(url, wanted: [Postcode("SE13 6LH")!])
/// directory.location(of: Postcode("se136lh")!)   // Location(lat: 51.45…, lon: -0.01…)
/// ```
public struct PostcodeDirectory: Sendable {
    /// What a postcode file said about one postcode.
    public enum Entry: Sendable, Hashable {
        /// Its location.
        case located(Location)
        /// Listed, but without coordinates.
        case unplaced
    }

    /// Entries of the postcodes asked for that the file lists.
    public private(set) var entries: [Postcode: Entry] = [:]
    /// The file's name, for messages.
    public var name: String

    /// The header names of each column, as matching keys (lowercase letters and digits).
    static let postcodeColumns = ["pcds", "pcd", "pcd2", "pcd7", "pcd8", "postcode", "postalcode"]
    static let latitudeColumns = ["lat", "latitude"]
    static let longitudeColumns = ["long", "lon", "lng", "longitude"]

    public init(name: String, entries: [Postcode: Entry] = [:]) {
        self.name = name
        self.entries = entries
    }

    /// The entry of a postcode; `nil` when the file does not list it.
    public func entry(of postcode: Postcode) -> Entry? { entries[postcode] }

    /// Reads the entries of the `wanted` postcodes from a postcode file.
    ///
    /// - Throws: a ``StitchModel/ValidationError`` at `header` or `$` when the file cannot be
    ///   used at all (missing, not UTF-8 text, no postcode or coordinate column).
    public static func read(_ url: URL, wanted: Set<Postcode>) throws(ValidationError) -> PostcodeDirectory {
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            throw ValidationError(field: "$", reason: "cannot be read; check the path")
        }
        defer { try? handle.close() }
        var directory = PostcodeDirectory(name: url.lastPathComponent)
        let compact = Dictionary(wanted.map { (Array($0.text.utf8.filter { $0 != 0x20 }), $0) }) { first, _ in first }
        var lines = LineReader(handle: handle)
        guard let headerLine = lines.next() else {
            throw ValidationError(
                field: "$", reason: "is empty; expected a header row naming the postcode, lat and long columns")
        }
        var headerBytes = headerLine
        if headerBytes.starts(with: [0xEF, 0xBB, 0xBF]) { headerBytes.removeFirst(3) }
        guard let header = String(validating: headerBytes, as: UTF8.self) else {
            throw ValidationError(field: "$", reason: "is not UTF-8 text")
        }
        let names = CSVLine.fields(Array(header.utf8), upTo: Int.max).map {
            CSVTable.key(String(decoding: $0, as: UTF8.self))
        }
        func column(_ keys: [String]) -> Int? {
            for key in keys { if let i = names.firstIndex(of: key) { return i } }
            return nil
        }
        guard let postcodeAt = column(postcodeColumns) else {
            throw ValidationError(
                field: "header",
                reason: "names no postcode column; expected one named pcds (as the ONS Postcode Directory has it), "
                    + "pcd, postcode or post code")
        }
        guard let latAt = column(latitudeColumns), let lonAt = column(longitudeColumns) else {
            let grid = names.contains { $0.hasPrefix("east") || $0.hasPrefix("oseast") }
            throw ValidationError(
                field: "header",
                reason: "names no latitude and longitude columns; expected lat and long (as the ONS Postcode "
                    + "Directory has them) or latitude and longitude"
                    + (grid ? "; eastings and northings (as Code-Point Open gives) are not converted" : ""))
        }
        let last = max(postcodeAt, latAt, lonAt)
        // Read on only while some postcode asked for is still to be found.
        while directory.entries.count < compact.count, let line = lines.next() {
            let fields = CSVLine.fields(line, upTo: last)
            guard fields.count > last else { continue }
            let key = fields[postcodeAt].filter { $0 != 0x20 }.map { (0x61...0x7A).contains($0) ? $0 - 0x20 : $0 }
            guard let postcode = compact[key], directory.entries[postcode] == nil else { continue }
            let lat = Double(String(decoding: fields[latAt], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            let lon = Double(String(decoding: fields[lonAt], as: UTF8.self).trimmingCharacters(in: .whitespaces))
            if let lat, let lon, let location = Location(lat: lat, lon: lon), !(lat == 0 && lon == 0) {
                directory.entries[postcode] = .located(location)
            } else {
                directory.entries[postcode] = .unplaced
            }
        }
        return directory
    }
}

/// The lines of a file, read in blocks: each line's bytes without its line break.
struct LineReader {
    let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> [UInt8]? {
        while true {
            if let newline = buffer[start...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<newline])
                start = newline + 1
                if line.last == 0x0D { line.removeLast() }
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                return line
            }
            buffer.removeFirst(start)
            start = 0
            if let block = try? handle.read(upToCount: 1 << 20), !block.isEmpty {
                buffer.append(contentsOf: block)
            } else {
                atEnd = true
            }
        }
    }
}

/// One line of a simple CSV file, cut into fields (quotes removed, `""` inside quotes a quote).
enum CSVLine {
    /// The fields up to index `last` (the rest are not cut).
    static func fields(_ line: [UInt8], upTo last: Int) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var i = 0
        while i < line.count {
            let byte = line[i]
            if quoted {
                if byte == 0x22 {
                    if i + 1 < line.count, line[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                out.append(field)
                field = []
                if out.count > last { return out }
            } else {
                field.append(byte)
            }
            i += 1
        }
        out.append(field)
        return out
    }
}
