/// Where a social-prescribing referral stands: `referred → contacted → offered → attending →
/// completed`, or `declined`, `did-not-attend` or `closed` along the way (docs/referrals.md).
public enum ReferralStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Received from the referrer; the person has not been contacted yet.
    case referred
    /// The link worker has spoken with the person.
    case contacted
    /// Activities (and buddies) have been offered.
    case offered
    /// The person has started going to an activity.
    case attending
    /// The person has seen it through.
    case completed
    /// The person said no (the note says why).
    case declined
    /// The person did not go, or stopped going (the note says why).
    case didNotAttend = "did-not-attend"
    /// Closed for another reason (moved away, referred elsewhere, no reply); the note says why.
    case closed

    /// The statuses a referral may move to from this one. A referral moves forward along the
    /// pathway, may be declined or closed at any point before it ends, and one the person did
    /// not attend or declined may be taken up again (contacted or offered anew). `completed`
    /// can only be closed; `closed` is final.
    public var next: [ReferralStatus] {
        switch self {
        case .referred: [.contacted, .declined, .closed]
        case .contacted: [.offered, .declined, .closed]
        case .offered: [.attending, .declined, .didNotAttend, .closed]
        case .attending: [.completed, .didNotAttend, .closed]
        case .completed: [.closed]
        case .declined: [.contacted, .offered, .closed]
        case .didNotAttend: [.contacted, .offered, .attending, .closed]
        case .closed: []
        }
    }

    /// Whether a change to this status must say why in its note.
    public var needsReason: Bool { self == .declined || self == .didNotAttend || self == .closed }

    /// Whether the referral is still being worked on (not completed, declined or closed).
    public var isOpen: Bool { self != .completed && self != .closed && self != .declined }

    /// The status named `text`, read as people write it (`did not attend`, `DNA`, `Did-Not-Attend`).
    public init?(spelled text: String) {
        let folded = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" }).joined(separator: "-")
        if folded == "dna" {
            self = .didNotAttend
            return
        }
        self.init(rawValue: folded)
    }
}
