/// The bridging factor of one query: the value of a new tie between the query's subject (the
/// requester, the giver, the referred person) and each candidate, from the spectral model
/// (``SpectralBridging``), with its plain-English reason.
///
/// - A member candidate: the model's value for the pair.
/// - An activity: the subject's value with its attendees as a group (the mean over them, those in
///   the subject's own component by their mean resistance; see `SpectralBridging+Groups.swift`),
///   O(k) from sums kept per activity; 0 when the subject attends it; with no attendees yet, the
///   subject's typical value, their value with everyone else in the network
///   (``SpectralBridging/typicalValue(_:)``; 1 for a subject with no ties).
/// - A subject who is not a stored member (a person given inline) has no ties: 1 for every
///   candidate, as for a member with none.
/// - A request with no requester (a member of the public) has no one to tie: neutral, 0.5, and
///   no reason.
///
/// Reasons: `Already know each other` for a member the subject is tied to; for a value of at least
/// 0.7, `A first tie for someone with few` when the subject has no ties, else `Would link two
/// groups that rarely meet`.
struct BridgingFactor {
    let model: SpectralBridging
    /// Ties, for "Already know each other".
    let graph: SocialGraph
    let attendees: CompressedRows<Int32>
    /// The subject's member index, or -1 when the subject is not a stored member.
    let subject: Int
    /// No one to tie: a request from a member of the public.
    let anonymous: Bool
    /// The subject has no ties in the model (or is not a stored member): every new tie is a first tie.
    let subjectIsolated: Bool
    /// The value of an activity nobody attends yet.
    let emptyActivityValue: Double
    /// The least value worth a reason.
    static let reasonThreshold = 0.7

    /// The factor for `subject`; `nil` for a request from a member of the public.
    init(index: CommunityIndex, subject person: PersonFeatures?) {
        model = index.bridging
        graph = index.graph
        attendees = index.attendees
        anonymous = person == nil
        subject = person?.memberIndex.map(Int.init) ?? -1
        subjectIsolated = subject < 0 || index.bridging.isIsolated(subject)
        emptyActivityValue = subject < 0 ? index.bridging.typicalValue(Int.max) : index.bridging.typicalValue(subject)
    }

    func value(toMember m: Int32) -> Double {
        if anonymous { return Formulas.neutral }
        if subject < 0 { return model.value(Int.max, Int(m)) }
        return model.value(subject, Int(m))
    }

    func value(toActivity a: Int32) -> Double {
        if anonymous { return Formulas.neutral }
        let people = attendees[Int(a)]
        if people.isEmpty { return emptyActivityValue }
        if subject < 0 { return model.value(Int.max, Int(people[people.startIndex])) }
        if attendees.sortedRow(Int(a), contains: Int32(subject)) { return 0 }
        return model.value(subject, activity: Int(a), attendees: people)
    }

    /// True when the subject and member `m` are already tied (or are the same person).
    func isTied(to m: Int32) -> Bool {
        guard subject >= 0 else { return false }
        if subject == Int(m) { return true }
        guard subject < graph.nodeCount, Int(m) < graph.nodeCount else { return false }
        return graph.areTied(subject, Int(m))
    }

    /// A reason for the value, if worth saying.
    func reason(value: Double, member m: Int32? = nil) -> String? {
        if anonymous { return nil }
        if let m, isTied(to: m) { return "Already know each other" }
        guard value >= Self.reasonThreshold else { return nil }
        return subjectIsolated ? "A first tie for someone with few" : "Would link two groups that rarely meet"
    }
}
