import Foundation
import StitchModel

/// One Open Referral service turned into its activities (one per location), with its issues.
struct OpenReferralService {
    let reader: OpenReferralReader
    let list: String
    let index: Int

    func activities(_ service: JSONValue, licence: String) -> ([Activity], [ImportIssue]) {
        var issues: [ImportIssue] = []
        let serviceID = service["id"]?.text
        func skip(_ field: String, _ reason: String) -> ([Activity], [ImportIssue]) {
            issues.append(ImportIssue(list: list, index: index, id: serviceID, field: field, reason: reason))
            return ([], issues)
        }
        func note(_ field: String, _ reason: String) {
            issues.append(
                ImportIssue(list: list, index: index, id: serviceID, field: field, reason: reason, recordSkipped: false)
            )
        }
        guard service.isObject else { return skip("$", "expected a service object, found \(service.typeName)") }
        guard let id = serviceID?.trimmingCharacters(in: .whitespaces), !id.isEmpty else {
            return skip("id", "is required")
        }
        guard let name = service["name"]?.text?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            return skip("name", "is required")
        }
        if let status = service["status"]?.text {
            guard status.lowercased() == "active" else { return skip("status", "'\(status)' is not active") }
        } else {
            note("status", "is missing; the service is taken as active")
        }

        let organisationName = service["organization"]?["name"]?.text?.trimmingCharacters(in: .whitespaces)
        let organisation = organisationName?.isEmpty == false ? organisationName : nil
        let publisher = reader.source ?? organisation ?? "Open Referral UK"
        var base: [String: JSONValue] = [
            "name": .string(name), "attribution": .string("\(publisher) via Open Referral UK, \(licence)"),
        ]
        if let description = DescriptionText.read(service["description"], html: true, field: "description", note: note) {
            base["description"] = .string(description)
        }
        if let organisation {
            base["organisation"] = .string(organisation)
            base["groups"] = .array([.string(Slug.make(organisation))])
        }

        var labels: [String] = []
        for (j, attribute) in (service["attributes"]?.elements ?? []).enumerated() {
            let term = attribute["taxonomy_term"]
            guard let label = (term?["name"] ?? term?["term"])?.text, !label.isEmpty else {
                note("attributes[\(j)].taxonomy_term", "has no name; left out")
                continue
            }
            labels.append(label)
        }
        var topics: [String] = []
        for label in labels {
            let topic = SkillTaxonomy.normalise(label)
            if !topic.isEmpty, !topics.contains(topic) { topics.append(topic) }
        }
        base["topics"] = .array(topics.map(JSONValue.string))
        base["wellbeing"] = .array(OpenReferralVocabulary.ways(in: [name] + labels).map { .string($0.rawValue) })
        if let cost = cost(service, note: note) { base["cost"] = .number(cost) }
        if let age = service["minimum_age"] { base["ageMin"] = age.number.map(JSONValue.number) ?? age }
        if let age = service["maximum_age"] { base["ageMax"] = age.number.map(JSONValue.number) ?? age }

        let schedules = OpenReferralSchedule(asOf: reader.asOf)
        let own = schedules.slots(service["schedules"], path: "schedules")
        for problem in own.problems { note(problem.field, problem.reason) }

        let places = service["service_at_locations"]?.elements ?? []
        guard !places.isEmpty else {
            var object = base
            object["id"] = .string("oruk-\(Slug.make(id))")
            object["schedule"] = Self.slots(own.slots)
            return (decode(object, paths: [:], note: note, skip: { _ = skip($0, $1) }).map { [$0] } ?? [], issues)
        }
        var activities: [Activity] = []
        for (k, place) in places.enumerated() {
            let at = "service_at_locations[\(k)]"
            var object = base
            let (location, locationPath) = self.location(of: place, in: service, at: at)
            let placeKey = location?["id"]?.text ?? place["id"]?.text ?? String(k + 1)
            object["id"] = .string(
                places.count == 1 ? "oruk-\(Slug.make(id))" : "oruk-\(Slug.make(id))-\(Slug.make(placeKey))")
            if places.count > 1, let venue = location?["name"]?.text, !venue.isEmpty {
                object["name"] = .string("\(name) at \(venue)")
            }
            let local = schedules.slots(place["schedules"], path: "\(at).schedules")
            for problem in local.problems { note(problem.field, problem.reason) }
            object["schedule"] = Self.slots(local.slots.isEmpty ? own.slots : local.slots)
            if let location {
                if location["location_type"]?.text?.lowercased() == "virtual" {
                    object["online"] = .bool(true)
                } else {
                    let postcode = Self.postcode(of: location, at: locationPath, note: note)
                    if let postcode { object["postcode"] = .string(postcode.text) }
                    if let lat = location["latitude"], let lon = location["longitude"] {
                        object["location"] = .object([
                            "lat": lat.number.map(JSONValue.number) ?? lat,
                            "lon": lon.number.map(JSONValue.number) ?? lon,
                        ])
                    } else if let postcode {
                        note(
                            locationPath,
                            "has no latitude and longitude; the activity has its postcode \(postcode) only "
                                + "(import with --postcodes to locate it)")
                    } else {
                        note(locationPath, "has no latitude and longitude; the activity has no location")
                    }
                }
                object["access"] = .array(
                    OpenReferralVocabulary.access(in: Self.accessTexts(location)).map { .string($0.rawValue) })
            } else {
                note(at, "has no location; the activity has no location")
            }
            let paths = [
                "location.lat": "\(locationPath).latitude", "location.lon": "\(locationPath).longitude",
                "location": locationPath,
            ]
            if let activity = decode(object, paths: paths, note: note, skip: { _ = skip($0, $1) }) {
                activities.append(activity)
            }
        }
        return (activities, issues)
    }

    /// The place's location: nested, or named by `location_id` among the service's or its
    /// organisation's `locations`; with its path in the record.
    private func location(of place: JSONValue, in service: JSONValue, at: String) -> (JSONValue?, String) {
        if let nested = place["location"], nested.isObject { return (nested, "\(at).location") }
        guard let wanted = place["location_id"]?.text else { return (nil, "\(at).location") }
        for (listPath, list) in [
            ("locations", service["locations"]), ("organization.locations", service["organization"]?["locations"]),
        ] {
            for (j, candidate) in (list?.elements ?? []).enumerated() where candidate["id"]?.text == wanted {
                return (candidate, "\(listPath)[\(j)]")
            }
        }
        return (nil, "\(at).location_id")
    }

    /// The UK postcode of a location's address: the first `addresses[]` entry with a
    /// `postal_code`, a physical address before a postal one. An address in another country (its
    /// `country` is not GB or UK) has no UK postcode; a UK one whose code is not a postcode's
    /// shape is noted and left out.
    static func postcode(of location: JSONValue, at path: String, note: (String, String) -> Void) -> Postcode? {
        let addresses = Array((location["addresses"]?.elements ?? []).enumerated())
        let ordered =
            addresses.filter { $0.element["address_type"]?.text?.lowercased() == "physical" }
            + addresses.filter { $0.element["address_type"]?.text?.lowercased() != "physical" }
        for (i, address) in ordered {
            guard let code = address["postal_code"]?.text, !code.trimmingCharacters(in: .whitespaces).isEmpty else {
                continue
            }
            if let country = address["country"]?.text?.uppercased(), !["GB", "UK", "GBR", "UNITED KINGDOM"].contains(country) {
                continue
            }
            if let postcode = Postcode(code) { return postcode }
            note("\(path).addresses[\(i)].postal_code", Postcode.problem(code) + "; left out")
        }
        return nil
    }

    /// The texts that describe a location's access: its accessibility entries and the names of
    /// the taxonomy terms attached to them or to the location.
    static func accessTexts(_ location: JSONValue) -> [String] {
        var texts: [String] = []
        for entry in location["accessibility"]?.elements ?? [] {
            for key in ["description", "details", "accessibility"] {
                if let text = entry[key]?.text { texts.append(text) }
            }
            for attribute in entry["attributes"]?.elements ?? [] {
                if let term = (attribute["taxonomy_term"]?["name"] ?? attribute["taxonomy_term"]?["term"])?.text {
                    texts.append(term)
                }
            }
        }
        for attribute in location["attributes"]?.elements ?? [] {
            if let term = (attribute["taxonomy_term"]?["name"] ?? attribute["taxonomy_term"]?["term"])?.text {
                texts.append(term)
            }
        }
        return texts
    }

    /// The lowest current amount in pounds among the cost options.
    private func cost(_ service: JSONValue, note: (String, String) -> Void) -> Double? {
        var amounts: [Double] = []
        for (j, option) in (service["cost_options"]?.elements ?? []).enumerated() {
            let at = "cost_options[\(j)]"
            if let asOf = reader.asOf, let text = option["valid_to"]?.text,
                let validTo = CalendarDate(parsing: String(text.prefix(10))), validTo < asOf
            {
                continue
            }
            guard let raw = option["amount"] else { continue }
            guard let amount = raw.number, amount.isFinite, amount >= 0 else {
                note("\(at).amount", "\(raw.text ?? raw.typeName) is not an amount of money; left out")
                continue
            }
            if let currency = option["currency"]?.text, currency.uppercased() != "GBP" {
                note("\(at).currency", "'\(currency)' is not pounds (GBP); left out")
                continue
            }
            amounts.append(amount)
        }
        return amounts.min()
    }

    static func slots(_ slots: [Slot]) -> JSONValue {
        .array(
            slots.map {
                .object(["day": .string($0.day.rawValue), "start": .string("\($0.start)"), "end": .string("\($0.end)")])
            })
    }

    /// Fields that may be dropped when the model rejects them, by the model's name, with their
    /// name in the Open Referral record.
    static let optional: [String: String] = [
        "location": "location", "ageMin": "minimum_age", "ageMax": "maximum_age", "cost": "cost_options",
    ]

    /// Decodes the activity with the model's decoder; an optional field it rejects is reported
    /// and dropped, and the activity decoded again.
    private func decode(
        _ object: [String: JSONValue], paths: [String: String], note: (String, String) -> Void,
        skip: (String, String) -> Void
    ) -> Activity? {
        var object = object
        while true {
            switch CSVCells.decode(Activity.self, from: object) {
            case .success(let activity):
                return activity
            case .failure(let error):
                // CSVCells.decode names `location.lat` as `lat`; put the model's path back.
                let modelField = ["lat", "lon"].contains(error.field) ? "location.\(error.field)" : error.field
                let key = String(modelField.prefix { $0 != "." && $0 != "[" })
                let field = paths[modelField] ?? paths[key] ?? Self.optional[key] ?? modelField
                guard Self.optional[key] != nil, object.removeValue(forKey: key) != nil else {
                    skip(field, error.reason)
                    return nil
                }
                note(field, "\(error.reason); left out")
            }
        }
    }
}
