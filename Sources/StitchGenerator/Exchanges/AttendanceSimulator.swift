import StitchModel

/// Simulates who goes to which activities, and on which dates.
///
/// Each member (outside prison) goes to none to three activities (35%, 35%, 20%, 10%; inactive
/// members mostly none) that match one of their interests, directly or through the taxonomy's
/// parent (an interest in fitness classes finds an indoor-cycling session), that they can reach
/// within their travel distance, whose age limits include them and whose access features meet
/// their needs; housebound members join only online activities. Some members (30% of those
/// still looking) also try something new near home, as social prescribing encourages.
/// Activities are found through buckets by topic and neighbourhood, so the cost per member is
/// constant. Each attendance has two to eight dated records in the 26 weeks before the
/// reference date, on a day the activity meets.
struct AttendanceSimulator: Sendable {
    var palette: SkillPalette
    var referenceDate: CalendarDate
    var geometry: LocalGeometry

    private struct Venue: Sendable {
        var lat: Double
        var lon: Double
        var online: Bool
        var featureMask: UInt32
        var ageMin: Int
        var ageMax: Int
        var days: [Weekday]
    }

    func simulate(_ population: Population, activities: [Activity], random: inout Xoshiro256StarStar) -> [Attendance] {
        let hoods = Neighbourhood.lewisham
        let online = hoods.count  // bucket for online activities
        var venues: [Venue] = []
        var byTopic: [Int: [Int32]] = [:]  // topic * 16 + neighbourhood (or `online`)
        var byHood = Array(repeating: [Int32](), count: hoods.count)
        for (a, activity) in activities.enumerated() {
            let location = activity.location
            let hood = location.map {
                nearestNeighbourhood(lat: $0.lat - geometry.offsetLat, lon: $0.lon - geometry.offsetLon)
            }
            let isOnline = activity.online || location == nil
            venues.append(
                Venue(
                    lat: location?.lat ?? 0, lon: location?.lon ?? 0, online: isOnline,
                    featureMask: activity.access.featureMask,
                    ageMin: activity.ageMin ?? 0, ageMax: activity.ageMax ?? 200, days: activity.schedule.map(\.day)))
            guard !activity.schedule.isEmpty else { continue }
            var topics: [Int] = []
            for topic in activity.topics {
                guard var index = palette.index(of: topic) else { continue }
                topics.append(index)
                if palette.parents[index] >= 0 {
                    index = palette.parents[index]
                    topics.append(index)
                }
            }
            let bucket = isOnline ? online : hood!
            for topic in Set(topics).sorted() { byTopic[topic * 16 + bucket, default: []].append(Int32(a)) }
            if !isOnline { byHood[bucket].append(Int32(a)) }
        }
        let nearby = hoods.indices.map { h in
            hoods.indices.filter {
                $0 != h
                    && LocalGeometry.km(
                        lat1: hoods[h].lat, lon1: hoods[h].lon, lat2: hoods[$0].lat, lon2: hoods[$0].lon) < 3.5
            }
        }

        var records: [Attendance] = []
        for i in 0..<population.count {
            let p = population.profiles[i]
            guard !p.inPrison else { continue }
            var target = random.index(weights: [0.35, 0.35, 0.2, 0.1])
            if !p.active, random.chance(0.7) { target = 0 }
            guard target > 0 else { continue }
            func fits(_ a: Int) -> Bool {
                let v = venues[a]
                guard (v.ageMin...max(v.ageMin, v.ageMax)).contains(p.age),
                    v.featureMask & p.accessMask == p.accessMask,
                    !v.days.isEmpty
                else { return false }
                if v.online { return true }
                guard !p.housebound else { return false }
                return LocalGeometry.km(lat1: p.lat, lon1: p.lon, lat2: v.lat, lon2: v.lon) <= p.travelKm + 0.5
            }
            var chosen: [Int] = []
            var interests = Array(population.interests(of: i))
            random.shuffle(&interests)
            for topic in interests where chosen.count < target {
                let areas = [online] + (p.housebound ? [] : [p.neighbourhood] + nearby[p.neighbourhood])
                for _ in 0..<6 {
                    let area = random.chance(0.5) && !p.housebound ? p.neighbourhood : random.pick(areas)
                    guard let bucket = byTopic[Int(topic) * 16 + area] else { continue }
                    let a = Int(random.pick(bucket))
                    if !chosen.contains(a), fits(a) {
                        chosen.append(a)
                        break
                    }
                }
            }
            if chosen.count < target, !p.housebound, random.chance(0.3), !byHood[p.neighbourhood].isEmpty {
                let a = Int(random.pick(byHood[p.neighbourhood]))
                if !chosen.contains(a), fits(a) { chosen.append(a) }
            }
            for a in chosen {
                records += dates(
                    member: population.members[i].id, activity: activities[a].id, days: venues[a].days, random: &random)
            }
        }
        return records
    }

    /// Two to eight dated visits on one of the activity's days, in distinct weeks of the last 26.
    private func dates(member: String, activity: String, days: [Weekday], random: inout Xoshiro256StarStar)
        -> [Attendance]
    {
        let day = random.pick(days)
        let back = (referenceDate.weekday.index - day.index + 7) % 7
        let latest = referenceDate.adding(days: -(back == 0 ? 7 : back))
        var weeks = Array(0..<26)
        let k = random.int(in: 2...8)
        for j in 0..<k { weeks.swapAt(j, j + random.int(below: 26 - j)) }
        return weeks.prefix(k).sorted(by: >).map {
            Attendance(member: member, activity: activity, date: latest.adding(days: -7 * $0))
        }
    }

    /// The neighbourhood whose centre is nearest to a point of the Lewisham layout.
    private func nearestNeighbourhood(lat: Double, lon: Double) -> Int {
        let hoods = Neighbourhood.lewisham
        var best = 0
        var bestKm = Double.infinity
        for (h, hood) in hoods.enumerated() {
            let km = LocalGeometry.km(lat1: lat, lon1: lon, lat2: hood.lat, lon2: hood.lon)
            if km < bestKm {
                best = h
                bestKm = km
            }
        }
        return best
    }
}
