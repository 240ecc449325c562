import StitchModel

/// Merges the sessions of one weekly series (same name at the same venue) into one activity.
///
/// OpenActive publishes each dated session (or each weekly time) as its own record, while a
/// person is referred to "Crossfit Open Box at Newham Leisure Centre", whenever it runs. So the
/// series' schedule is the union of its sessions' weekly slots; its description is the first
/// session's that has one; its capacity is the largest stated, its cost the lowest price, its age
/// limits the widest. The activity model has no venue field, so the venue goes into the name:
/// "Crossfit Open Box at Newham Leisure Centre".
struct OpenActiveSeries: Sendable {
    var sessions: [OpenActiveSession]

    /// The activity, given its id and the publisher's attribution.
    func activity(id: String, source: String, licence: String) -> Activity {
        let first = sessions[0]
        var topics: [String] = []
        for topic in sessions.flatMap(\.topics) where !topics.contains(topic) { topics.append(topic) }
        var merged = first
        merged.topics = topics
        merged.isLesson = sessions.contains(where: \.isLesson)
        let capacities = sessions.compactMap(\.capacity)
        let capacity = capacities.max()
        let enrolled = min(capacity ?? 0, sessions.compactMap(\.enrolled).max() ?? 0)
        let costs = sessions.compactMap(\.cost)
        let publisher = sessions.lazy.compactMap(\.organiser).first ?? source
        return Activity(
            id: id, name: first.venueName.map { "\(first.name) at \($0)" } ?? first.name, organisation: publisher,
            description: sessions.lazy.compactMap(\.description).first, topics: topics, wellbeing: merged.wellbeing,
            schedule: OpenActiveScheduleReader.sortedUnique(sessions.flatMap(\.slots)), location: first.location,
            online: false, capacity: capacity, enrolled: capacity == nil ? 0 : enrolled, access: [],
            cost: costs.min(),
            ageMin: sessions.contains { $0.ageMin == nil } ? nil : sessions.compactMap(\.ageMin).min(),
            ageMax: sessions.contains { $0.ageMax == nil } ? nil : sessions.compactMap(\.ageMax).max(),
            buddyWelcome: true, groups: [Slug.make(publisher)],
            attribution: "\(publisher) via OpenActive, \(licence)")
    }

    /// A stable id: `oa-` + the source, venue and name as a slug
    /// (`oa-active-newham-new-crossfit-open-box`), unchanged when the feed is read again.
    static func baseID(source: String, venueKey: String, name: String) -> String {
        "oa-\(Slug.make(source))-\(Slug.make(venueKey))-\(Slug.make(name))"
    }
}
