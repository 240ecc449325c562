import StitchModel

/// Compact, column-wise features of every activity, indexed by a dense `Int32` activity index.
struct ActivityTable: Sendable {
    var ids: [String] = []
    var names: [String] = []
    var online: [Bool] = []
    var position: [UnitVector] = []
    var location: [Location?] = []
    var topics = CompressedRows<Int32>()
    var wellbeing: [UInt8] = []
    /// Each weekly session as its own mask, so coverage is judged per session.
    var sessions = CompressedRows<WeekMask>()
    var sessionSlots = CompressedRows<Slot>()
    /// Places left; -1 for unlimited.
    var remaining: [Int32] = []
    var access: [UInt32] = []
    var ageMin: [Int32] = []
    var ageMax: [Int32] = []
    var buddyWelcome: [Bool] = []
    var groups = CompressedRows<Int32>()
    var cost: [Double] = []

    var count: Int { ids.count }

    func serves(_ activity: Int, _ way: WellbeingWay) -> Bool { wellbeing[activity] & way.bit != 0 }

    mutating func append(_ activity: Activity, topics: [Int32], groups: [Int32]) {
        ids.append(activity.id)
        names.append(activity.name)
        online.append(activity.online)
        position.append(activity.location.map(UnitVector.init) ?? UnitVector(x: 0, y: 0, z: 0))
        location.append(activity.location)
        self.topics.append(topics)
        wellbeing.append(activity.wellbeing.reduce(0) { $0 | $1.bit })
        let slots = activity.schedule.sorted { ($0.day, $0.start) < ($1.day, $1.start) }
        sessions.append(slots.map { WeekMask([$0]) })
        sessionSlots.append(slots)
        remaining.append(activity.remainingPlaces.map { Int32($0) } ?? -1)
        access.append(activity.access.featureMask)
        ageMin.append(Int32(activity.ageMin ?? -1))
        ageMax.append(Int32(activity.ageMax ?? -1))
        buddyWelcome.append(activity.buddyWelcome)
        self.groups.append(groups)
        cost.append(activity.cost ?? 0)
    }
}
