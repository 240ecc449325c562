public import StitchModel
public import StitchNumerics
import StitchNetwork

extension Engine {
    /// The bridging value of a new tie between two stored members, in [0, 1] (see
    /// `docs/scoring.md`, Bridging), or `nil` when either is not a member.
    ///
    /// This is the `bridging` factor of who-can-help, give and buddies: 0 for a member and
    /// themself, 1 when either has no ties, 0.95 between parts of the network that nothing joins,
    /// otherwise the scaled effective resistance between them.
    public func bridging(between a: String, and b: String) -> Double? {
        guard let i = index.memberIndex[a], let j = index.memberIndex[b] else { return nil }
        return index.bridging.value(Int(i), Int(j))
    }

    /// Why every bridging value is neutral (0.5), when the network's spectral model could not be
    /// built (an eigensolver failure, which sound input does not cause); `nil` when it was.
    public var bridgingFailure: String? { index.bridging.failure.map(\.description) }

    /// A copy of this engine with the bridging model recomputed from `community`, everything else
    /// unchanged.
    ///
    /// The model takes seconds at 100,000 members (the network's spectral embedding), so build it
    /// off the write path and swap engines when it is done; ``bridgingFreshness()`` says when it
    /// is due. Members are matched by id: the engine's members missing from `community` read as
    /// having no ties, and members of `community` the engine does not know are left out (they
    /// still shape the network). Ties are aged from the configuration's reference date, else the
    /// latest date in `community`, as a fresh build does; on the same community the values equal
    /// a fresh build's, bit for bit.
    ///
    /// - Throws: the eigensolver's error; the engine in hand is then still good to use.
    public func rebuildingBridging(from community: Community) throws(LAPACKError) -> Engine {
        let today = index.configuration.referenceDate ?? CommunityGraph.latestDate(in: community) ?? index.today
        var engine = self
        engine.index.bridging = try SpectralBridging(
            community: community, memberIndex: index.memberIndex, memberCount: index.members.count,
            attendees: index.attendees, referenceDate: today, coAttendanceLimit: index.configuration.coAttendanceLimit)
        return engine
    }
}
