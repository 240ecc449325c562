import ArgumentParser
import StitchApplication
import Foundation
import StitchEngine
import StitchModel
import StitchPlanning

/// `stitch plan FILE`: a planning session, many referrals placed at once in scarce places.
struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Place many referrals at once in activities with few places, the best way overall.",
        discussion: """
            FILE is a plan.allocate request (docs/protocol.md, docs/planning.md):
              {"referrals": [{"id": "r-1", "person": "m-maud", "referrer": "gp-downham"}, …],
               "maxPerPerson": 1, "topK": 20, "withBuddies": true, "buddyLimitPerWeek": 2,
               "fairness": "total" or "maximin", "maxSharePerPractice": 0.5, "profile": "planning"}
            Only "referrals" is required. The plan places as many people as possible and, among those
            plans, has the highest total score; it prints each placement with its buddy, each referral
            left out with the reason, the totals next to greedy one-at-a-time placement, and each
            practice's share.

            Examples:
              stitch plan referrals.json --db stitch.sqlite
              stitch plan referrals.json --community big.json --json
            """)

    @Argument(help: ArgumentHelp("The plan request (JSON).", valueName: "file"))
    var file: String

    @OptionGroup var input: CommunityOptions

    func run() async throws {
        let request = try JSONInput.decode(PlanRequest.self, fromFile: file)
        let service = try input.service()
        let plan = try await answering { () async throws(ServiceError) in try await service.plan(request) }
        print(input.json ? try RankingPrinter.json(plan) : Self.table(plan, referrals: request.referrals.count))
    }

    static func table(_ plan: PlanResult, referrals: Int, terminal: Terminal = .current()) -> String {
        let pad = Terminal.cell
        // referral 14, person 16, score 8 and at least 8 for the buddy: the activity gets the rest, up to 40.
        let activityWidth = max(min(terminal.columns - 2 - 14 - 16 - 8 - 8, 40), 12)
        let number = RankingPrinter.number
        var out = [
            "Plan: \(Wording.count(plan.placed, "placement")) for \(Wording.count(referrals, "referral")), "
                + "total score \(number(plan.totalScore))",
            "  Greedy, one at a time: \(plan.greedyPlaced) placed, total score \(number(plan.greedyTotalScore))",
        ]
        out.append("  Not free for any session: \(plan.notFreePlaced) placed (greedy \(plan.greedyNotFreePlaced))")
        if let lowest = plan.lowestScore { out.append("  Lowest score: \(number(lowest))") }
        out += [
            "", "Placements", "  " + pad("referral", 14) + pad("person", 16) + pad("activity", activityWidth) + "score   buddy",
        ]
        if plan.assignments.isEmpty { out.append("  Nobody could be placed.") }
        for a in plan.assignments {
            let activity = a.activity + (a.activityName.map { " (\($0))" } ?? "")
            let buddy = a.buddy.map { $0 + (a.buddyName.map { " (\($0))" } ?? "") } ?? "-"
            let score = number(a.score) + (a.notFree ? "!" : " ")
            let row = "  " + pad(a.referral, 13) + " " + pad(a.person, 15) + " " + pad(activity, activityWidth - 1) + " " + score + "   "
            out.append(row + Terminal.fit(buddy, max(terminal.columns - row.count, 1)))
            if !a.reasons.isEmpty { out += RankingPrinter.bullet(a.reasons.joined(separator: "; "), terminal: terminal, indent: "    ") }
        }
        out += ["", "Not placed (\(plan.unassigned.count))"]
        if plan.unassigned.isEmpty { out.append("  Everyone was placed.") }
        for u in plan.unassigned {
            out.append("  " + pad(u.referral, 13) + " " + Terminal.fit(u.person, 15))
            out += terminal.wrap(Self.label(u.reason) + ": " + u.detail, indent: "    ")
        }
        out += [
            "", "Practices",
            "  " + pad("practice", 28) + pad("referrals", 11) + pad("placed", 8) + pad("mean score", 12) + "cap",
        ]
        for p in plan.practices {
            out.append(
                "  " + pad(p.practice ?? "(no referrer)", 27) + " " + pad(String(p.referrals), 10) + " "
                    + pad(String(p.placed), 7)
                    + " " + pad(p.meanScore.map(number) ?? "-", 11) + " " + (p.cap.map(String.init) ?? "-"))
        }
        return out.joined(separator: "\n")
    }

    static func label(_ reason: UnassignedReason) -> String {
        switch reason {
        case .noFeasibleActivity: "no feasible activity"
        case .placesTaken: "all feasible places taken"
        case .practiceShare: "practice share reached"
        }
    }
}
