import StitchModel

/// Simulates two years of time-bank exchanges between generated members.
///
/// - The giver is drawn in proportion to a heavy-tailed giving rate (Pareto, shape 2), so a few
///   members give a large share of all hours, as in every real time bank; members who mostly
///   receive have a rate near zero.
/// - The skill is one the giver offers. Half the time the giver helps someone they have helped
///   before (befriending, lifts and gardening are regular arrangements).
/// - The receiver is found through buckets, never by scanning everyone: 55% someone in the same
///   neighbourhood who needs that skill, 15% someone in one of the giver's groups, 15% a
///   neighbour, 15% someone in another neighbourhood (the few bridging ties). Candidates are
///   accepted in proportion to how much help they receive (needs, age, being housebound).
///   Prison members exchange only among themselves; a safeguarding pair never exchanges.
/// - Hours run from 0.5 to 4 in half hours, longer for gardening or DIY, shorter for a phone call
///   or a prescription. Dates spread over the two years before the reference date, more of them
///   recent (the time bank grows), and gardening thins out in winter.
struct ExchangeSimulator: Sendable {
    var palette: SkillPalette
    var referenceDate: CalendarDate
    var historyDays: Int

    private struct Event: Sendable {
        var day: Int32
        var giver: Int32
        var receiver: Int32
        var skill: Int32
        var halfHours: Int8
    }

    func simulate(_ population: Population, count: Int, idPrefix: String, random: inout Xoshiro256StarStar)
        -> [Exchange]
    {
        let n = population.count
        guard n >= 2, count > 0 else { return [] }
        let profiles = population.profiles
        let hoodCount = Neighbourhood.lewisham.count
        var hoodMembers = Array(repeating: [Int32](), count: hoodCount)
        var groupMembers = Array(repeating: [Int32](), count: CommunityGroup.lewisham.count)
        var needBuckets: [Int: [Int32]] = [:]
        var prison: [Int32] = []
        for i in 0..<n {
            let p = profiles[i]
            if p.inPrison {
                prison.append(Int32(i))
                continue
            }
            hoodMembers[p.neighbourhood].append(Int32(i))
            var mask = p.groupMask
            while mask != 0 {
                let g = mask.trailingZeroBitCount
                groupMembers[g].append(Int32(i))
                mask &= mask - 1
            }
            for skill in population.needs(of: i) {
                needBuckets[Int(skill) * 16 + p.neighbourhood, default: []].append(Int32(i))
            }
        }
        let givers = WeightedTable(weights: (0..<n).map { population.offers(of: $0).isEmpty ? 0 : profiles[$0].giving })
        guard !givers.isEmpty else { return [] }
        let maxReceiving = profiles.reduce(0) { max($0, $1.receiving) }
        let lengths = HoursModel(palette: palette)
        var partners: [[UInt64]] = Array(repeating: [], count: n)
        var events: [Event] = []
        events.reserveCapacity(count)

        func acceptable(_ giver: Int, _ receiver: Int) -> Bool {
            receiver != giver && profiles[giver].avoids != receiver
                && profiles[receiver].inPrison == profiles[giver].inPrison
        }

        var attempts = 0
        while events.count < count, attempts < count * 4 {
            attempts += 1
            let giver = givers.sample(&random)
            var receiver = -1
            var skill = -1
            if !partners[giver].isEmpty, random.chance(0.5) {
                let pair = random.pick(partners[giver])
                receiver = Int(pair >> 32)
                skill = Int(pair & 0xFFFF_FFFF)
            } else {
                let offers = population.offers(of: giver)
                skill = Int(offers[offers.startIndex + random.int(below: offers.count)])
                let hood = profiles[giver].neighbourhood
                for attempt in 0..<8 {
                    let candidate: Int32?
                    if profiles[giver].inPrison {
                        candidate = prison.isEmpty ? nil : random.pick(prison)
                    } else {
                        let roll = random.uniform()
                        if roll < 0.55 {
                            candidate =
                                needBuckets[skill * 16 + hood].map { random.pick($0) } ?? random.pick(hoodMembers[hood])
                        } else if roll < 0.70 {
                            var mask = profiles[giver].groupMask
                            var chosen = random.int(below: max(1, mask.nonzeroBitCount))
                            while chosen > 0 {
                                mask &= mask - 1
                                chosen -= 1
                            }
                            let group = mask == 0 ? -1 : mask.trailingZeroBitCount
                            candidate =
                                group >= 0 && !groupMembers[group].isEmpty ? random.pick(groupMembers[group]) : nil
                        } else if roll < 0.85 {
                            candidate = random.pick(hoodMembers[hood])
                        } else {
                            let other = random.int(below: hoodCount)
                            let bucket = needBuckets[skill * 16 + other] ?? hoodMembers[other]
                            candidate = bucket.isEmpty ? nil : random.pick(bucket)
                        }
                    }
                    guard let candidate, acceptable(giver, Int(candidate)) else { continue }
                    if attempt == 7 || random.uniform() * maxReceiving < profiles[Int(candidate)].receiving {
                        receiver = Int(candidate)
                        break
                    }
                }
                guard receiver >= 0 else { continue }
                if partners[giver].count < 6 { partners[giver].append(UInt64(receiver) << 32 | UInt64(skill)) }
            }
            let day = date(skill: skill, lengths: lengths, random: &random)
            events.append(
                Event(
                    day: Int32(day), giver: Int32(giver), receiver: Int32(receiver), skill: Int32(skill),
                    halfHours: Int8(lengths.halfHours(skill: skill, random: &random))))
        }
        events.sort { ($0.day, $0.giver, $0.receiver, $0.skill) < ($1.day, $1.giver, $1.receiver, $1.skill) }
        let width = max(5, String(events.count).count)
        return events.enumerated().map { i, e in
            let number = String(i + 1)
            return Exchange(
                id: idPrefix + String(repeating: "0", count: max(0, width - number.count)) + number,
                giver: population.members[Int(e.giver)].id, receiver: population.members[Int(e.receiver)].id,
                hours: Double(e.halfHours) / 2, skill: palette.ids[Int(e.skill)],
                date: CalendarDate(dayNumber: Int(e.day)))
        }
    }

    /// A day number in the history window: half uniform, half weighted towards recent days;
    /// outdoor work is redrawn once, most of the time, when it falls in winter.
    private func date(skill: Int, lengths: HoursModel, random: inout Xoshiro256StarStar) -> Int {
        func draw() -> Int {
            let u = random.uniform()
            let fraction = random.chance(0.5) ? u : u.squareRoot()
            return referenceDate.dayNumber - historyDays + min(historyDays - 1, Int(fraction * Double(historyDays)))
        }
        var day = draw()
        if lengths.isSeasonal(skill) {
            let month = CalendarDate(dayNumber: day).components.month
            if month >= 11 || month <= 2, random.chance(0.6) { day = draw() }
        }
        return day
    }
}
