import Foundation
import StitchModel

/// Checks one live RPDE item's `data` and reduces it to an ``OpenActiveSession``.
///
/// Required: a `name`, a `location` with usable `geo` coordinates, and at least one occurrence
/// that gives a weekly slot (dated `subEvent`s, the record's own `startDate`, or an
/// `eventSchedule` with `byDay` and times). Anything else that is malformed (a price, an age
/// range, one bad occurrence among good ones) is reported and ignored, and the session is kept.
struct OpenActiveSessionParser: Sendable {
    var timeZone: TimeZone

    /// The session, or `nil` when the record must be skipped; with every issue found.
    func parse(_ data: JSONValue, index: Int, id: String) -> (OpenActiveSession?, [ImportIssue]) {
        var issues: [ImportIssue] = []
        func fail(_ field: String, _ reason: String) -> (OpenActiveSession?, [ImportIssue]) {
            issues.append(ImportIssue(index: index, id: id, field: field, reason: reason))
            return (nil, issues)
        }
        func note(_ field: String, _ reason: String) {
            issues.append(ImportIssue(index: index, id: id, field: field, reason: reason, recordSkipped: false))
        }
        guard data.isObject else { return fail("data", "expected an object, found \(data.typeName)") }
        guard let rawName = data["name"]?.text else { return fail("data.name", "is required") }
        let fullName = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !fullName.isEmpty else { return fail("data.name", "must not be empty") }
        let name = SeriesName.of(fullName)

        guard let place = data["location"], place.isObject else { return fail("data.location", "is required") }
        guard let geo = place["geo"], geo.isObject else { return fail("data.location.geo", "is missing") }
        guard let lat = geo["latitude"]?.number else {
            return fail("data.location.geo.latitude", "is missing or not a number")
        }
        guard let lon = geo["longitude"]?.number else {
            return fail("data.location.geo.longitude", "is missing or not a number")
        }
        guard let location = Location(lat: lat, lon: lon) else {
            let field = lat.isFinite && (-90...90).contains(lat) ? "longitude" : "latitude"
            return fail("data.location.geo.\(field)", "\(field == "latitude" ? lat : lon) is outside the valid range")
        }
        let venueName = place["name"]?.text?.trimmingCharacters(in: .whitespaces)
        let venueKey = place["identifier"]?.text ?? venueName ?? "\(lat),\(lon)"

        let schedule = OpenActiveScheduleReader(timeZone: timeZone).slots(of: data, note: note)
        guard !schedule.slots.isEmpty else { return fail(schedule.field, schedule.reason) }

        var topics: [String] = []
        for (j, entry) in (data["activity"]?.elements ?? []).enumerated() {
            guard let label = entry.text ?? entry["prefLabel"]?.text ?? entry["name"]?.text else {
                note("data.activity[\(j)]", "expected a name or a Concept with prefLabel, found \(entry.typeName)")
                continue
            }
            let topic = OpenActiveSession.topic(label)
            if !topic.isEmpty, !topics.contains(topic) { topics.append(topic) }
        }

        var cost: Double?
        let offersKey = data["offers"] != nil ? "offers" : "offer"
        for (j, offer) in (data[offersKey]?.elements ?? []).enumerated() {
            guard let price = offer["price"]?.number, price.isFinite, price >= 0 else {
                note("data.\(offersKey)[\(j)].price", "is missing or not a non-negative number")
                continue
            }
            cost = min(cost ?? price, price)
        }

        var ageMin: Int?
        var ageMax: Int?
        if let range = data["ageRange"] {
            let lo = range["minValue"]?.number
            let hi = range["maxValue"]?.number
            if let lo, lo > 0, lo < 130 { ageMin = Int(lo) }
            if let hi, hi >= 0, hi < 130 { ageMax = Int(hi) }
            if let a = ageMin, let b = ageMax, b < a {
                note("data.ageRange", "maxValue \(b) is below minValue \(a)")
                ageMin = nil
                ageMax = nil
            }
        }

        let organiser = data["organizer"]?.elements.first?["name"]?.text
        // The series' (or facility use's) own description; a session that gives none may carry
        // its series as `superEvent`.
        let description =
            DescriptionText.read(data["description"], html: true, field: "data.description", note: note)
            ?? DescriptionText.read(
                data["superEvent"]?["description"], html: true, field: "data.superEvent.description", note: note)
        let lesson = ([name] + topics).contains { text in
            let lower = text.lowercased()
            return lower.contains("lesson") || lower.contains("course") || lower.contains("coaching")
        }
        let session = OpenActiveSession(
            index: index, itemID: id, name: name, venueKey: venueKey,
            venueName: venueName?.isEmpty == false ? venueName : nil, location: location, organiser: organiser,
            description: description,
            topics: topics, slots: schedule.slots, capacity: schedule.capacity, enrolled: schedule.enrolled,
            cost: cost, ageMin: ageMin, ageMax: ageMax, isLesson: lesson)
        return (session, issues)
    }
}
