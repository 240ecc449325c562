import StitchModel

extension Exchange: DirectDecodable {
    static func read(_ json: inout JSONBytes) -> Exchange? {
        var exchange = Exchange(giver: "", receiver: "", hours: 0)
        var seen = KeySet()
        let read = json.object { json, key in
            if key.is("id") {
                guard seen.insert(0), let id = json.nullable({ $0.string() }) else { return false }
                exchange.id = id
            } else if key.is("giver") {
                guard seen.insert(1), let giver = json.identifier() else { return false }
                exchange.giver = giver
            } else if key.is("receiver") {
                guard seen.insert(2), let receiver = json.identifier() else { return false }
                exchange.receiver = receiver
            } else if key.is("hours") {
                // Required: a null is refused here, as `hours is required`.
                guard seen.insert(3), !json.takeNull(), let hours = json.nonNegative(), let hours, hours <= 24 * 7
                else { return false }
                exchange.hours = hours
            } else if key.is("skill") {
                guard seen.insert(4), let skill = json.nullable({ $0.string() }) else { return false }
                exchange.skill = skill
            } else if key.is("date") {
                guard seen.insert(5), let date = json.date() else { return false }
                exchange.date = date
            } else {
                return false
            }
            return true
        }
        guard read, seen.contains(1), seen.contains(2), seen.contains(3), exchange.boundErrors().isEmpty else {
            return nil
        }
        return exchange
    }
}

extension Attendance: DirectDecodable {
    static func read(_ json: inout JSONBytes) -> Attendance? {
        var attendance = Attendance(member: "", activity: "")
        var seen = KeySet()
        let read = json.object { json, key in
            if key.is("member") {
                guard seen.insert(0), let member = json.identifier() else { return false }
                attendance.member = member
            } else if key.is("activity") {
                guard seen.insert(1), let activity = json.identifier() else { return false }
                attendance.activity = activity
            } else if key.is("date") {
                guard seen.insert(2), let date = json.date() else { return false }
                attendance.date = date
            } else {
                return false
            }
            return true
        }
        guard read, seen.contains(0), seen.contains(1), attendance.boundErrors().isEmpty else { return nil }
        return attendance
    }
}
