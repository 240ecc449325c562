import StitchModel

extension Member: DirectDecodable {
    static func read(_ json: inout JSONBytes) -> Member? {
        var member = Member(id: "")
        var seen = KeySet()
        let read = json.object { json, key in
            if key.is("id") {
                guard seen.insert(0), let id = json.identifier() else { return false }
                member.id = id
            } else if key.is("name") {
                guard seen.insert(1), let name = json.nullable({ $0.string() }) else { return false }
                member.name = name
            } else if key.is("offers") {
                guard seen.insert(2), let list = json.stringList() else { return false }
                member.offers = list
            } else if key.is("interests") {
                guard seen.insert(3), let list = json.stringList() else { return false }
                member.interests = list
            } else if key.is("needs") {
                guard seen.insert(4), let list = json.stringList() else { return false }
                member.needs = list
            } else if key.is("experiences") {
                guard seen.insert(5), let list = json.stringList() else { return false }
                member.experiences = list
            } else if key.is("availability") {
                guard seen.insert(6), let slots = json.slots() else { return false }
                member.availability = slots
            } else if key.is("away") {
                guard seen.insert(23), let periods = json.awayPeriods() else { return false }
                member.away = periods
            } else if key.is("location") {
                guard seen.insert(7), let location = json.location() else { return false }
                member.location = location
            } else if key.is("postcode") {
                guard seen.insert(19), let postcode = json.postcode() else { return false }
                member.postcode = postcode
            } else if key.is("travelKm") {
                guard seen.insert(8), let km = json.nonNegative() else { return false }
                member.travelKm = km
            } else if key.is("homeVisits") {
                guard seen.insert(9), let flag = json.bool(default: false) else { return false }
                member.homeVisits = flag
            } else if key.is("housebound") {
                guard seen.insert(10), let flag = json.bool(default: false) else { return false }
                member.housebound = flag
            } else if key.is("accessNeeds") {
                guard seen.insert(11), let terms = json.accessTerms() else { return false }
                member.accessNeeds = terms
            } else if key.is("languages") {
                guard seen.insert(12), let list = json.stringList() else { return false }
                member.languages = list
            } else if key.is("dbsChecked") {
                // The old form of `dbs`: true is a check of unknown date and level.
                guard seen.insert(13), let flag = json.bool(default: false) else { return false }
                if !seen.contains(20) { member.dbsChecked = flag }
            } else if key.is("dbs") {
                guard seen.insert(20), let check = json.dbsCheck() else { return false }
                member.dbs = check
            } else if key.is("interpreter") {
                guard seen.insert(21), let flag = json.bool(default: false) else { return false }
                member.interpreter = flag
            } else if key.is("maxCost") {
                guard seen.insert(22), let pounds = json.nonNegative() else { return false }
                member.maxCost = pounds
            } else if key.is("gender") {
                guard seen.insert(23), let text = json.string(), let gender = Gender(rawValue: text) else { return false }
                member.gender = gender
            } else if key.is("helperGender") {
                guard seen.insert(24), let text = json.string(), let gender = Gender(rawValue: text) else { return false }
                member.helperGender = gender
            } else if key.is("home") {
                guard seen.insert(25), let home = json.homeFacts() else { return false }
                member.home = home
            } else if key.is("visitLimits") {
                guard seen.insert(26), let limits = json.visitLimits() else { return false }
                member.visitLimits = limits
            } else if key.is("birthYear") {
                guard seen.insert(14), let year = json.wholeNumber() else { return false }
                member.birthYear = year
            } else if key.is("groups") {
                guard seen.insert(15), let list = json.stringList() else { return false }
                member.groups = list
            } else if key.is("wellbeing") {
                guard seen.insert(16), let ways = json.fiveWays() else { return false }
                member.wellbeing = ways
            } else if key.is("avoid") {
                guard seen.insert(17), let list = json.stringList() else { return false }
                member.avoid = list
            } else if key.is("active") {
                guard seen.insert(18), let flag = json.bool(default: true) else { return false }
                member.active = flag
            } else {
                return false
            }
            return true
        }
        // Out of bounds (RecordBounds): JSONDecoder gives the error with its field path.
        return read && seen.contains(0) && member.boundErrors().isEmpty ? member : nil
    }
}

extension JSONBytes {
    /// A member's `dbs` object (`checked` and `level` required, `updateService` optional), or
    /// `nil` when it is anything else (`JSONDecoder` then gives the error).
    mutating func dbsCheck() -> DBSCheck? {
        var checked: CalendarDate?, level: DBSLevel?, updateService = false
        var seen = KeySet()
        let read = object { json, key in
            if key.is("checked") {
                guard seen.insert(0), let text = json.string(), let date = CalendarDate(parsing: text) else { return false }
                checked = date
            } else if key.is("level") {
                guard seen.insert(1), let text = json.string(), let named = DBSLevel(rawValue: text) else { return false }
                level = named
            } else if key.is("updateService") {
                guard seen.insert(2), let flag = json.bool(default: false) else { return false }
                updateService = flag
            } else {
                return false
            }
            return true
        }
        guard read, let checked, let level else { return nil }
        return DBSCheck(checked: checked, level: level, updateService: updateService)
    }
}

extension JSONBytes {
    /// A list of pets, or `nil` when any is not one of the words (`JSONDecoder` then gives the error).
    mutating func pets() -> [Pet]? {
        guard let words = stringList() else { return nil }
        var pets: [Pet] = []
        for word in words {
            guard let pet = Pet(rawValue: word) else { return nil }
            pets.append(pet)
        }
        return pets
    }

    /// A member's `home` object, or `nil` when it is anything else.
    mutating func homeFacts() -> HomeFacts? {
        var home = HomeFacts()
        var seen = KeySet()
        let read = object { json, key in
            if key.is("pets") {
                guard seen.insert(0), let pets = json.pets() else { return false }
                home.pets = pets
            } else if key.is("smoking") {
                guard seen.insert(1), let flag = json.bool(default: false) else { return false }
                home.smoking = flag
            } else {
                return false
            }
            return true
        }
        return read ? home : nil
    }

    /// A member's `visitLimits` object, or `nil` when it is anything else.
    mutating func visitLimits() -> VisitLimits? {
        var limits = VisitLimits()
        var seen = KeySet()
        let read = object { json, key in
            if key.is("allergies") {
                guard seen.insert(0), let pets = json.pets() else { return false }
                limits.allergies = pets
            } else if key.is("smokeFree") {
                guard seen.insert(1), let flag = json.bool(default: false) else { return false }
                limits.smokeFree = flag
            } else {
                return false
            }
            return true
        }
        return read ? limits : nil
    }
}

/// The keys of a record met so far, by number, to refuse a key given twice.
struct KeySet {
    private var bits: UInt64 = 0

    /// Adds key `k`; false when it was already there.
    mutating func insert(_ k: Int) -> Bool {
        let bit = UInt64(1) << UInt64(k)
        guard bits & bit == 0 else { return false }
        bits |= bit
        return true
    }

    /// Whether key `k` was met.
    func contains(_ k: Int) -> Bool { bits & (UInt64(1) << UInt64(k)) != 0 }
}
