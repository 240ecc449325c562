import StitchModel

/// "Did you mean" for ids: the known member or activity id nearest to one that names nothing
/// (``NearestWord``), and which of the two an unknown id most looks like.
extension Engine {
    /// The member id nearest to `id`, when one is near.
    public func nearestMemberID(to id: String) -> String? {
        NearestWord.nearest(to: id, among: index.memberIndex.keys)
    }

    /// The activity id nearest to `id`, when one is near.
    public func nearestActivityID(to id: String) -> String? {
        NearestWord.nearest(to: id, among: index.activityIndex.keys)
    }

    /// The reason of a query error, with the nearest known id of its kind when one is near
    /// (`unknown member id 'm-artur'; did you mean 'm-arthur'?`).
    public func reasonWithSuggestion(_ error: QueryError) -> String {
        switch error {
        case .unknownMember(_, let id): NearestWord.unknownID("member", id, nearest: nearestMemberID(to: id))
        case .unknownActivity(_, let id): NearestWord.unknownID("activity", id, nearest: nearestActivityID(to: id))
        case .invalid: error.reason
        }
    }

    /// The error for a candidate that is neither a member nor an activity: an unknown activity
    /// when the id looks more like an activity's (its nearest known id is an activity's, or,
    /// with none near, it shares a longer start with an activity id than with any member id),
    /// else an unknown member.
    public func unknownCandidate(_ id: String, field: String) -> QueryError {
        let member = nearestMemberID(to: id), activity = nearestActivityID(to: id)
        let looksLikeActivity: Bool
        switch (member, activity) {
        case (let m?, let a?): looksLikeActivity = NearestWord.distance(id, a) < NearestWord.distance(id, m)
        case (nil, _?): looksLikeActivity = true
        case (_?, nil): looksLikeActivity = false
        case (nil, nil):
            looksLikeActivity = Self.longestSharedStart(id, index.activityIndex.keys) > Self.longestSharedStart(id, index.memberIndex.keys)
        }
        return looksLikeActivity ? .unknownActivity(field: field, id: id) : .unknownMember(field: field, id: id)
    }

    /// The most leading bytes `id` shares with any of `ids`.
    static func longestSharedStart<S: Sequence<String>>(_ id: String, _ ids: S) -> Int {
        var best = 0
        for other in ids {
            var shared = 0
            for (a, b) in zip(id.utf8, other.utf8) {
                guard a == b else { break }
                shared += 1
            }
            best = max(best, shared)
        }
        return best
    }
}
