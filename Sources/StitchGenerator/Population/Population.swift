import StitchModel

/// The generated members with what later phases need: compact profiles and skills as indices
/// in flat arrays (offsets and values), so that a million members cost a few arrays, not
/// millions of small ones.
struct Population: Sendable {
    var members: [Member] = []
    var profiles: [PersonProfile] = []
    /// `offers[offerStart[i] ..< offerStart[i + 1]]` are member `i`'s offers (palette indices).
    var offerStart: [Int32] = [0]
    var offers: [Int32] = []
    var needStart: [Int32] = [0]
    var needs: [Int32] = []
    var interestStart: [Int32] = [0]
    var interests: [Int32] = []

    var count: Int { members.count }

    mutating func append(_ draft: MemberDraft) {
        members.append(draft.member)
        profiles.append(draft.profile)
        offers += draft.offers.map(Int32.init)
        offerStart.append(Int32(offers.count))
        needs += draft.needs.map(Int32.init)
        needStart.append(Int32(needs.count))
        interests += draft.interests.map(Int32.init)
        interestStart.append(Int32(interests.count))
    }

    func offers(of i: Int) -> ArraySlice<Int32> { offers[Int(offerStart[i])..<Int(offerStart[i + 1])] }
    func needs(of i: Int) -> ArraySlice<Int32> { needs[Int(needStart[i])..<Int(needStart[i + 1])] }
    func interests(of i: Int) -> ArraySlice<Int32> { interests[Int(interestStart[i])..<Int(interestStart[i + 1])] }

    /// Pairs members who must never be matched (safeguarding), about 1% of members: two
    /// neighbours at a time, each in the other's `avoid`; prison members are left out.
    mutating func addAvoidPairs(share: Double, random: inout Xoshiro256StarStar) {
        let pairs = Int((Double(count) * share / 2).rounded())
        guard pairs > 0, count >= 4 else { return }
        var byNeighbourhood = Array(repeating: [Int](), count: Neighbourhood.lewisham.count)
        for (i, profile) in profiles.enumerated() where !profile.inPrison {
            byNeighbourhood[profile.neighbourhood].append(i)
        }
        var made = 0
        var attempts = 0
        while made < pairs, attempts < pairs * 20 {
            attempts += 1
            let a = random.int(below: count)
            guard !profiles[a].inPrison, profiles[a].avoids < 0 else { continue }
            let b = random.pick(byNeighbourhood[profiles[a].neighbourhood])
            guard b != a, profiles[b].avoids < 0 else { continue }
            profiles[a].avoids = b
            profiles[b].avoids = a
            members[a].avoid = [members[b].id]
            members[b].avoid = [members[a].id]
            made += 1
        }
    }
}
