/// Kuhn's augmenting paths: the most placements possible, computed independently of the
/// planner's flow solver (one place per person).
enum Matching {
    static func maximum(_ feasible: [[String]], capacity: (String) -> Int?) -> Int {
        var slots: [String: [Int?]] = [:]  // each activity's places and who holds each
        for id in Set(feasible.flatMap { $0 }) {
            slots[id] = Array(repeating: nil, count: capacity(id) ?? feasible.count)
        }
        func augment(_ person: Int, _ seen: inout Set<String>) -> Bool {
            for id in feasible[person] where seen.insert(id).inserted {
                for (k, holder) in slots[id]!.enumerated() {
                    if holder == nil || augment(holder!, &seen) {
                        slots[id]![k] = person
                        return true
                    }
                }
            }
            return false
        }
        var placed = 0
        for person in feasible.indices {
            var seen = Set<String>()
            if augment(person, &seen) { placed += 1 }
        }
        return placed
    }
}
