import StitchModel

/// The message back to a referrer about one referral: a plain-English summary to paste into the
/// GP record, and the same as structured data with its SNOMED CT codes (docs/referrals.md,
/// "Message back").
///
/// Codes used (NHS England's national social prescribing codes):
/// - 871731000000106 |Referral to social prescribing service|, on the referral's date;
/// - 871711000000103 |Social prescribing declined|, on the day the person declined.
///
/// Wellbeing measured on the referral follows the history: each measure's scores before and
/// after, the change and its verdict against the measure's minimal important difference.
struct ReferralMessageWriter {
    let record: ReferralRecord
    /// The person's name, when known (the message goes to the person's own GP).
    let personName: String?

    static let system = "http://snomed.info/sct"
    static let referralCode = ("871731000000106", "Referral to social prescribing service")
    static let declinedCode = ("871711000000103", "Social prescribing declined")

    var message: MethodResults.ReferralMessage {
        .init(id: record.id, text: text, record: structured)
    }

    var structured: MethodResults.MessageRecord {
        var codes = [
            MethodResults.CodedEvent(system: Self.system, code: Self.referralCode.0, display: Self.referralCode.1, date: record.date)
        ]
        for change in record.history where change.status == .declined {
            codes.append(.init(system: Self.system, code: Self.declinedCode.0, display: Self.declinedCode.1, date: change.date))
        }
        return .init(
            referral: record.id, person: record.person.id, practice: record.referrer?.practice, referred: record.date,
            status: record.status, codes: codes, offered: record.offered.map(\.activity),
            oneToOne: record.oneToOne.map { .init(member: $0.member, support: $0.support) }, chosen: record.chosenActivity,
            history: record.history, wellbeing: record.wellbeing.map { StitchService.outcome(of: $0, in: record) })
    }

    var text: String {
        var lines: [String] = []
        let who = personName.map { "\($0) (\(record.person.id))" } ?? record.person.id
        var by = ""
        if let referrer = record.referrer {
            let parts = [referrer.name, referrer.role, referrer.practice].compactMap { $0 }
            if !parts.isEmpty { by = " by " + parts.joined(separator: ", ") }
        }
        lines.append("Social prescribing referral \(record.id) for \(who), referred on \(Self.day(record.date))\(by).")
        if record.offered.isEmpty {
            lines.append("Offered: nothing matched at the time of referral.")
        } else {
            let names = record.offered.map { offer in
                let name = offer.name ?? offer.activity
                return offer.buddy == nil ? name : "\(name) (with a member to go along the first time)"
            }
            lines.append("Offered: \(Wording.list(names)).")
        }
        if !record.oneToOne.isEmpty {
            // Members by id and the support they give: the GP's record names no volunteer.
            let offers = record.oneToOne.map { "\(Self.article($0.support)) (\($0.member))" }
            lines.append("One-to-one support offered: \(Wording.list(offers)).")
        }
        if let chosen = record.chosenActivity {
            let name = record.offered.first(where: { $0.activity == chosen })?.name ?? chosen
            lines.append("Chose: \(name).")
        }
        let now = record.history.last ?? StatusChange(status: record.status, date: record.date)
        var status = "Now: \(Self.words(now.status)) since \(Self.day(now.date))"
        if let note = now.note, now.status.needsReason { status += " (\(note))" }
        lines.append(status + ".")
        let steps = record.history.map { "\(Self.words($0.status)) \(Self.day($0.date))" }
        lines.append("History: \(steps.joined(separator: "; ")).")
        for entry in record.wellbeing {
            let name = entry.activity.flatMap { id in record.offered.first(where: { $0.activity == id })?.name }
            lines.append(WellbeingWording.sentence(entry, activityName: name))
        }
        lines.append("Coded: \(Self.referralCode.1) (SNOMED CT \(Self.referralCode.0))"
            + (record.history.contains { $0.status == .declined } ? "; \(Self.declinedCode.1) (SNOMED CT \(Self.declinedCode.0))" : "") + ".")
        return lines.joined(separator: "\n")
    }

    /// "a befriender", "a member to go along to appointments", "a peer supporter".
    static func article(_ support: OneToOneSupport) -> String {
        switch support {
        case .befriending: "a befriender"
        case .accompanying: "a member to go along to appointments"
        case .peerSupport: "a peer supporter"
        }
    }

    static func words(_ status: ReferralStatus) -> String {
        switch status {
        case .didNotAttend: "did not attend"
        default: status.rawValue
        }
    }

    /// "2 Nov 2026".
    static func day(_ date: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let (y, m, d) = date.components
        return "\(d) \(months[m - 1]) \(y)"
    }
}
