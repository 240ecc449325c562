public import Foundation
public import StitchModel

/// Reads Open Referral UK 3.0 (HSDS 3.0) services into Stitch activities.
///
/// Councils and directories of local services publish what is on offer (a befriending scheme,
/// a walking group, a lunch club) through the Open Referral UK API. The reader takes one JSON
/// document: a single service in the `/services/{id}` shape (with its nested
/// `service_at_locations`, `schedules`, `attributes`, `cost_options`), an array of such services,
/// or a page of the `/services` list (`{"contents": […], "total_items": …}`).
///
/// Each active service at each of its locations becomes one ``StitchModel/Activity``:
/// - `id` is `oruk-` and the service id (and the location id when the service runs at several);
///   `name` is the service name (`at` the location name when there are several);
/// - `description`: the service's `description`, with any HTML removed and white space collapsed
///   (cut, with a note, when longer than ``StitchModel/RecordBounds/maximumTextBytes``);
/// - `schedule`: the weekly slots of the service-at-location's `schedules`, else the service's
///   (see ``OpenReferralSchedule``; ended schedules are left out when ``asOf`` is set);
/// - `location` from the location's `latitude`/`longitude` (and `postcode` from its UK address, for `--postcodes`);
///   a `virtual` location makes the activity `online`;
/// - `access` from the location's `accessibility` texts and accessibility attributes, by the
///   fixed phrase rules of ``OpenReferralVocabulary`` (the text itself is not kept);
/// - `topics` from the service's `attributes[].taxonomy_term.name`, normalised as skills are;
/// - `wellbeing`: the Five Ways named by the service's name or taxonomy terms (not by its
///   description, which too often says what a service is not);
/// - `cost`: the lowest current `cost_options[].amount` in pounds; `ageMin`/`ageMax` from
///   `minimum_age`/`maximum_age`; `organisation` and `groups` from `organization.name`;
/// - `attribution`: the publisher and the licence (the file's `license`, else ``defaultLicence``).
///
/// Every activity is checked by the model's own decoder. Reading never throws: a document that
/// is not JSON or holds no services is one file-level issue; a service without an id or a name,
/// or not active, is reported and skipped; a bad optional field (an unusable location, a schedule
/// with a bad day, an age range upside down) is reported and dropped, and the service kept.
///
/// ```swift
/// let result = OpenReferralReader(source: "Lewisham Local").read(try Data(contentsOf: url))
/// for issue in result.issues { print(issue) }
/// ```
public struct OpenReferralReader: Sendable {
    /// The publisher's name for the attribution; `nil` uses each service's organisation.
    public var source: String?
    /// The licence named in the attribution when the document states none.
    public var defaultLicence: String
    /// The day the schedules and prices must still be valid on; `nil` keeps every one.
    public var asOf: CalendarDate?

    /// The licence Open Referral UK is published under, named when a file states none.
    public static let openReferralLicence = "CC BY-SA 4.0"

    public init(
        source: String? = nil, defaultLicence: String = OpenReferralReader.openReferralLicence,
        asOf: CalendarDate? = nil
    ) {
        self.source = source
        self.defaultLicence = defaultLicence
        self.asOf = asOf
    }

    /// Reads one document.
    public func read(_ data: Data) -> SourceImport {
        var result = SourceImport(list: "services")
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            result.issues.append(
                ImportIssue(
                    list: "services", field: "$", reason: "not valid JSON (\(OpenActiveFeedReader.describe(error)))"))
            return result
        }
        let services: [JSONValue]
        switch root {
        case .array(let list):
            result.list = "$"
            services = list
        case .object where root["contents"] != nil:
            guard case .array(let list)? = root["contents"] else {
                result.issues.append(
                    ImportIssue(list: "contents", field: "contents", reason: "expected an array of services"))
                return result
            }
            result.list = "contents"
            services = list
        case .object:
            result.list = "$"
            services = [root]
        default:
            result.issues.append(
                ImportIssue(
                    list: "services", field: "$",
                    reason: "expected a service, an array of services or a page with contents, found \(root.typeName)"))
            return result
        }
        result.recordCount = services.count
        let stated = (root["license"] ?? root["licence"])?.text.flatMap { $0.isEmpty ? nil : $0 }
        result.licence = stated.map { OpenActiveFeedReader.licenceName($0) } ?? defaultLicence
        var used = Set<String>()
        for (index, service) in services.enumerated() {
            let (activities, issues) = OpenReferralService(reader: self, list: result.list, index: index)
                .activities(service, licence: result.licence ?? defaultLicence)
            result.issues += issues
            for activity in activities {
                guard used.insert(activity.id).inserted else {
                    result.issues.append(
                        ImportIssue(
                            list: result.list, index: index, id: service["id"]?.text, field: "id",
                            reason: "duplicate service id '\(service["id"]?.text ?? "")' (an earlier service has it)"))
                    continue
                }
                result.activities.append(ImportedRecord(activity, index: index))
            }
        }
        return result
    }
}
