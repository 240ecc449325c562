public import Foundation
import StitchModel

/// Reads one page of an OpenActive RPDE session feed into Stitch activities.
///
/// Leisure providers and councils publish their sessions as OpenActive feeds; importing them puts
/// real "Be Active" opportunities, with times, places, prices and capacity, next to the
/// community's own activities. The reader follows RPDE: the latest version of each item wins and
/// `"state": "deleted"` items are skipped. Sessions with the same name (less any day and time
/// the publisher appends, as in "Crossfit Session 6.30am") at the same venue are one weekly
/// series and become one ``StitchModel/Activity`` whose `schedule` is the set of weekly slots of
/// their occurrences, in local time (Europe/London by default, so British Summer Time is right).
/// Activity names become `topics` normalised with ``StitchModel/SkillTaxonomy/normalise(_:)``
/// (the taxonomy maps them to skill ids); `wellbeing` is Be Active, plus Connect for group
/// sessions; `capacity` comes from `maximumAttendeeCapacity`, `cost` from the lowest offer,
/// `ageMin`/`ageMax` from `ageRange`, `organisation` from the organiser (else `source`),
/// `description` from the record's `description` (HTML removed, white space collapsed; else its
/// `superEvent`'s), and `attribution` names the publisher and licence ("Active Newham via OpenActive, CC BY 4.0").
///
/// Reading never throws and never traps: a page that is not JSON, or not an RPDE page, gives a
/// single page-level issue; a bad record gives an issue and is skipped; good records are kept.
///
/// ```swift
/// let data = try Data(contentsOf: URL(fileURLWithPath: "data/openactive/newham_20200102.json"))
/// let result = OpenActiveFeedReader().read(data, source: "Active Newham")
/// // result.activities: one per series; result.issues: what was skipped and why
/// ```
public struct OpenActiveFeedReader: Sendable {
    /// The time zone of the venues: occurrences are converted to its wall-clock time.
    public var timeZone: TimeZone

    /// Creates a reader for venues in `timeZone` (default Europe/London).
    public init(timeZone: TimeZone = OpenActiveFeedReader.london) {
        self.timeZone = timeZone
    }

    /// Europe/London: GMT in winter, BST (GMT+1) in summer.
    public static var london: TimeZone { TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)! }

    /// Reads one RPDE page.
    ///
    /// - Parameters:
    ///   - data: the page's bytes, `{"items": […], "next": "…", "license": "…"}`.
    ///   - source: the publisher's name, used for ids, and as organiser and in the attribution when
    ///     records name no organiser ("Everyone Active").
    public func read(_ data: Data, source: String) -> OpenActiveImport {
        var result = OpenActiveImport()
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            result.issues.append(ImportIssue(field: "$", reason: "not valid JSON (\(Self.describe(error)))"))
            return result
        }
        guard root.isObject else {
            result.issues.append(
                ImportIssue(field: "$", reason: "expected an RPDE page object, found \(root.typeName)"))
            return result
        }
        guard case .array(let items)? = root["items"] else {
            result.issues.append(ImportIssue(field: "items", reason: "is required: the page's array of RPDE items"))
            return result
        }
        result.itemCount = items.count
        let licence = Self.licenceName(root["license"]?.text)
        result.licence = licence

        let parser = OpenActiveSessionParser(timeZone: timeZone)
        var seriesKeys: [String: Int] = [:]
        var series: [OpenActiveSeries] = []
        let counts = Self.latestVersions(items)
        for (index, item) in items.enumerated() where counts[index] {
            let id = item["id"]?.text
            guard item.isObject, let id else {
                let reason =
                    item.isObject
                    ? "is required (a string or number)" : "expected an item object, found \(item.typeName)"
                result.issues.append(ImportIssue(index: index, field: item.isObject ? "id" : "$", reason: reason))
                continue
            }
            switch item["state"]?.text {
            case "deleted":
                result.deletedCount += 1
                continue
            case "updated":
                break
            case let state?:
                result.issues.append(
                    ImportIssue(
                        index: index, id: id, field: "state", reason: "'\(state)' is neither updated nor deleted"))
                continue
            case nil:
                result.issues.append(ImportIssue(index: index, id: id, field: "state", reason: "is required"))
                continue
            }
            guard let data = item["data"] else {
                result.issues.append(
                    ImportIssue(index: index, id: id, field: "data", reason: "is required for an updated item"))
                continue
            }
            let (session, issues) = parser.parse(data, index: index, id: id)
            result.issues += issues
            guard let session else { continue }
            result.sessionCount += 1
            let key = session.name + "\u{1F}" + session.venueKey
            if let position = seriesKeys[key] {
                series[position].sessions.append(session)
            } else {
                seriesKeys[key] = series.count
                series.append(OpenActiveSeries(sessions: [session]))
            }
        }
        var used = Set<String>()
        for group in series {
            let first = group.sessions[0]
            let base = OpenActiveSeries.baseID(source: source, venueKey: first.venueKey, name: first.name)
            var id = base
            var n = 2
            while !used.insert(id).inserted {
                id = "\(base)-\(n)"
                n += 1
            }
            result.activities.append(group.activity(id: id, source: source, licence: licence))
        }
        return result
    }
}
