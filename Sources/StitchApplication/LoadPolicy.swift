import Foundation
public import StitchModel

/// Which files `community.load {"path"}` may read: none by default, or the files under one
/// folder up to a size.
///
/// A client names the path, so the daemon must not become a way to read any file it can read:
/// a path outside the folder is refused without looking at the file system (so the answer does
/// not tell which files exist), a symbolic link that leads outside is refused the same way, a
/// file over the size is refused before it is read, and the reasons of a file that does not
/// read as a community name the field but never quote the file's content.
public struct LoadPolicy: Sendable, Hashable {
    /// The folder files may be loaded from (absolute, symbolic links resolved); `nil` when
    /// loading from a file is off.
    public let directory: String?
    /// The largest file read, in bytes.
    public let maximumBytes: Int

    /// Loading from a file is off (the default).
    public static let denied = LoadPolicy(directory: nil, maximumBytes: 0)

    /// Files under `directory` (resolved now), up to `maximumBytes` each.
    public static func allowing(directory: String, maximumBytes: Int = 256 << 20) -> LoadPolicy {
        let resolved = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        return LoadPolicy(directory: resolved, maximumBytes: maximumBytes)
    }

    private init(directory: String?, maximumBytes: Int) {
        self.directory = directory
        self.maximumBytes = maximumBytes
    }

    /// The community file at `path` (the community and the pairings beside it), when this
    /// policy allows reading it.
    ///
    /// - Throws: -32602 at `params.path`: loading off, outside the folder, too large, unreadable,
    ///   not JSON, no community keys, or a field that does not read (its path, no content).
    public func community(at path: String) throws(ServiceError) -> CommunityFile {
        let field = "params.path"
        guard let directory else {
            throw ServiceError(
                .invalidParams, "Loading a community from a file is off", field: field,
                reason: "loading from a file is off on this daemon; send the community inline, or start it with --allow-load-path DIR")
        }
        let outside = ServiceError(
            .invalidParams, "The path is not allowed", field: field,
            reason: "only files under the folder given to --allow-load-path can be loaded")
        // Lexically first, so nothing outside the folder is looked at.
        let given = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
        guard Self.isInside(given, directory) else { throw outside }
        let resolved = URL(fileURLWithPath: given).resolvingSymlinksInPath().path
        guard Self.isInside(resolved, directory) else { throw outside }
        let unreadable = ServiceError(.invalidParams, "Cannot read the file", field: field, reason: "no readable file at that path under the allowed folder")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolved),
            attributes[.type] as? FileAttributeType == .typeRegular, let size = (attributes[.size] as? NSNumber)?.intValue
        else { throw unreadable }
        guard size <= maximumBytes else {
            throw ServiceError(
                .invalidParams, "The file is too large", field: field,
                reason: "the file has \(size) bytes, over the limit of \(maximumBytes); import it with `stitch import` instead")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else { throw unreadable }
        return try Self.decodeCommunity(data, field: field)
    }

    /// A community file's bytes as a community: strict JSON (``JSONDocument``), an object with
    /// at least one community key, and no key a record does not have.
    ///
    /// Reasons name the bad field and what is wrong, with any quoted value left out; a file that
    /// is not JSON is told by line and column only (the reason could quote it).
    static func decodeCommunity(_ data: Data, field: String) throws(ServiceError) -> CommunityFile {
        do {
            return try JSONDocument.decode(CommunityFile.self, from: data)
        } catch {
            switch error {
            case .notJSON(let problem):
                throw ServiceError(
                    .invalidParams, "The community file is not JSON", field: field,
                    reason: "the file is not valid JSON (line \(problem.line), column \(problem.column))")
            case .invalid(let v) where v.field == "$" && v.reason.hasPrefix("not a community"):
                throw ServiceError(.invalidParams, "The file is not a community", field: field, reason: "the file is \(v.reason)")
            case .invalid(let v):
                throw ServiceError(
                    .invalidParams, "The community file is not valid", field: field,
                    reason: "\(Self.placeOfUnknownField(v)): \(withoutQuotes(v.reason))")
            }
        }
    }

    /// The path of a bad field as the answer shows it: an unknown field is named by the object
    /// holding it (its own name is the file's content), or `$` when that cannot be told.
    static func placeOfUnknownField(_ v: ValidationError) -> String {
        guard v.reason.hasPrefix("unknown field '") else { return v.field }
        guard let tail = v.reason.range(of: "'; ", options: .backwards) else { return "$" }
        let key = v.reason[v.reason.index(v.reason.startIndex, offsetBy: "unknown field '".count)..<tail.lowerBound]
        guard v.field.hasSuffix("." + key) else { return "$" }
        return String(v.field.dropLast(key.count + 1))
    }

    /// `reason` with every 'quoted' value replaced, so a file's content never comes back.
    static func withoutQuotes(_ reason: String) -> String {
        if reason.hasPrefix("unknown field '"), let tail = reason.range(of: "'; ", options: .backwards) {
            // The known keys after it are Stitch's own words, not the file's.
            return "unknown field" + reason[tail.lowerBound...].dropFirst()
        }
        var out = "", quoted = false
        for c in reason {
            if c == "'" {
                if !quoted { out += "(a value)" }
                quoted.toggle()
            } else if !quoted {
                out.append(c)
            }
        }
        return out
    }

    private static func isInside(_ path: String, _ directory: String) -> Bool {
        path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
    }
}
