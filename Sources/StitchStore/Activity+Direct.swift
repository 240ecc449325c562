import StitchModel

extension Activity: DirectDecodable {
    static func read(_ json: inout JSONBytes) -> Activity? {
        var activity = Activity(id: "", name: "")
        var seen = KeySet()
        let read = json.object { json, key in
            if key.is("id") {
                guard seen.insert(0), let id = json.identifier() else { return false }
                activity.id = id
            } else if key.is("name") {
                guard seen.insert(1), let name = json.string() else { return false }
                activity.name = name
            } else if key.is("organisation") {
                guard seen.insert(2), let organisation = json.nullable({ $0.string() }) else { return false }
                activity.organisation = organisation
            } else if key.is("description") {
                guard seen.insert(17), let description = json.nullable({ $0.string() }) else { return false }
                activity.description = description
            } else if key.is("topics") {
                guard seen.insert(3), let list = json.stringList() else { return false }
                activity.topics = list
            } else if key.is("wellbeing") {
                guard seen.insert(4), let ways = json.wellbeingWays() else { return false }
                activity.wellbeing = ways
            } else if key.is("schedule") {
                guard seen.insert(5), let times = json.times() else { return false }
                activity.schedule = times.weekly
                activity.datedSessions = times.dated
            } else if key.is("location") {
                guard seen.insert(6), let location = json.location() else { return false }
                activity.location = location
            } else if key.is("postcode") {
                guard seen.insert(18), let postcode = json.postcode() else { return false }
                activity.postcode = postcode
            } else if key.is("online") {
                guard seen.insert(7), let flag = json.bool(default: false) else { return false }
                activity.online = flag
            } else if key.is("capacity") {
                guard seen.insert(8), let capacity = json.count() else { return false }
                activity.capacity = capacity
            } else if key.is("enrolled") {
                guard seen.insert(9), let enrolled = json.count() else { return false }
                activity.enrolled = enrolled ?? 0
            } else if key.is("access") {
                guard seen.insert(10), let terms = json.accessTerms() else { return false }
                activity.access = terms
            } else if key.is("cost") {
                guard seen.insert(11), let cost = json.nonNegative() else { return false }
                activity.cost = cost
            } else if key.is("languages") {
                guard seen.insert(19), let list = json.stringList() else { return false }
                activity.languages = list
            } else if key.is("ageMin") {
                guard seen.insert(12), let age = json.count() else { return false }
                activity.ageMin = age
            } else if key.is("ageMax") {
                guard seen.insert(13), let age = json.count() else { return false }
                activity.ageMax = age
            } else if key.is("buddyWelcome") {
                guard seen.insert(14), let flag = json.bool(default: true) else { return false }
                activity.buddyWelcome = flag
            } else if key.is("groups") {
                guard seen.insert(15), let list = json.stringList() else { return false }
                activity.groups = list
            } else if key.is("attribution") {
                guard seen.insert(16), let attribution = json.nullable({ $0.string() }) else { return false }
                activity.attribution = attribution
            } else {
                return false
            }
            return true
        }
        guard read, seen.contains(0), seen.contains(1) else { return nil }
        // Out of bounds (RecordBounds): JSONDecoder gives the error with its field path.
        return activity.boundErrors().isEmpty ? activity : nil
    }
}
