/// Small questions every job asks of the compiled community, answered in one place.
extension CommunityIndex {
    /// Everyone a person must never be matched with: their own `avoid` list and every member
    /// whose `avoid` names them.
    func safeguardingSet(for person: PersonFeatures) -> Set<Int32> {
        var avoided = Set(person.avoid)
        if let m = person.memberIndex { avoided.formUnion(avoid[Int(m)]) }
        return avoided
    }

    /// The reciprocity of asking member `m` to give: half their need to give (from their balance),
    /// half how little they have given lately (load spread).
    @inline(__always)
    func giverReciprocity(_ m: Int) -> Double { m < askedReciprocity.count ? askedReciprocity[m] : ledger.giverReciprocity[m] }

    /// Age in years at the reference date, when the birth year is known.
    func age(birthYear: Int32) -> Int32? { birthYear > 0 ? Int32(today.year) - birthYear : nil }
}

extension ActivityTable {
    /// True when a person of this age may take part (an unknown age is not excluded).
    func admits(age: Int32?, _ a: Int) -> Bool {
        guard let age else { return true }
        return (ageMin[a] < 0 || age >= ageMin[a]) && (ageMax[a] < 0 || age <= ageMax[a])
    }

    /// True when the activity has an age range.
    func hasAgeLimits(_ a: Int) -> Bool { ageMin[a] >= 0 || ageMax[a] >= 0 }

    /// The best share of one weekly session that someone can attend, given the minutes of each
    /// session they are free for; `nil` when the activity lists no times.
    @inline(__always)
    func bestCoverage(_ a: Int, freeMinutes: (WeekMask) -> Int) -> Double? {
        let list = sessions[a]
        guard !list.isEmpty else { return nil }
        var best = 0.0
        for s in list {
            let minutes = s.minutes
            if minutes > 0 { best = max(best, Double(freeMinutes(s)) / Double(minutes)) }
        }
        return best
    }
}
