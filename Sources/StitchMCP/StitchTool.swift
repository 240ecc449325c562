import MCP
import StitchEngine
import StitchModel
import StitchPlanning

/// The tools Stitch offers an assistant over MCP: each one use case of ``StitchService``, read
/// only, with the arguments of its JSON-RPC method (docs/protocol.md).
///
/// | tool | JSON-RPC method | arguments read as |
/// |---|---|---|
/// | `who_can_help` | `match.helpers` | `MethodParams.Helpers` |
/// | `where_can_give` | `match.opportunities` | `MethodParams.Opportunities` |
/// | `refer_activities` | `refer.activities` | `MethodParams.Refer` |
/// | `explain_match` | `match.explain` | `ExplainQuery` |
/// | `plan_allocate` | `plan.allocate` | `PlanRequest` |
/// | `server_health` | `server.health` | none |
public enum StitchTool: String, CaseIterable, Sendable {
    case whoCanHelp = "who_can_help"
    case whereCanGive = "where_can_give"
    case referActivities = "refer_activities"
    case explainMatch = "explain_match"
    case planAllocate = "plan_allocate"
    case serverHealth = "server_health"

    /// Every tool's name, in the order they are listed.
    public static let names = allCases.map(\.rawValue)

    /// The JSON-RPC method the tool answers as.
    public var method: String {
        switch self {
        case .whoCanHelp: "match.helpers"
        case .whereCanGive: "match.opportunities"
        case .referActivities: "refer.activities"
        case .explainMatch: "match.explain"
        case .planAllocate: "plan.allocate"
        case .serverHealth: "server.health"
        }
    }

    /// The tool as `tools/list` shows it.
    public var tool: Tool {
        Tool(
            name: rawValue, title: title, description: description, inputSchema: inputSchema,
            annotations: .init(
                title: title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false))
    }

    var title: String {
        switch self {
        case .whoCanHelp: "Who can help?"
        case .whereCanGive: "Where can this member give?"
        case .referActivities: "Refer to community activities"
        case .explainMatch: "Explain one match"
        case .planAllocate: "Plan many referrals at once"
        case .serverHealth: "Stitch's health"
        }
    }

    /// When an assistant should use the tool, and what it answers, in plain English.
    var description: String {
        let about: String
        switch self {
        case .whoCanHelp:
            about = """
                Find time-bank members who could help with a request: a broker's "who can help?". Use it when \
                someone needs practical help (a lift to hospital, shopping, gardening, company) and you want \
                helpers ranked best first, each with a score from 0 to 1, a score per factor and plain-English \
                reasons. Give request.skill in plain words and either request.requester (the member asking, an id \
                such as "m-arthur") or request.location. Safeguarding, DBS checks, availability, distance and the \
                other hard constraints are never broken; the answer counts what each ruled out.
                """
        case .whereCanGive:
            about = """
                Find where a member could give their time: other members' open needs and activities that want \
                their skills, ranked, with reasons. Use it for "where can this person help?" or "what could they \
                volunteer for?". Give member (an id).
                """
        case .referActivities:
            about = """
                Suggest community activities for a person referred by a GP or link worker (social prescribing), \
                ranked, each with a member who could go along the first time (a buddy). Use it for "what could this \
                person join?". Give referral.person as a member id, or as a person given in full who is not a member \
                yet; optionally their Five Ways to Wellbeing goals (0 to 1 each), interests, and the reason in the \
                referrer's words.
                """
        case .explainMatch:
            about = """
                Explain one pairing in full: why a candidate (an activity or a member) is or is not suggested for a \
                subject. Use it when someone asks "why is X not offered to Y?" or "why X?". The answer lists every \
                hard constraint (passed or not, with why), every factor, the score the pair would have, the reasons, \
                and excludedBy: the constraints that rule it out. For a member candidate, give skill to say which \
                help is in question.
                """
        case .planAllocate:
            about = """
                Place many referrals at once in activities with few places, as a connector's planning session: the \
                most people placed, then the highest total score (or, with fairness "maximin", the best lowest \
                score), each placement with a buddy. Use it when several people compete for scarce places; for one \
                person use refer_activities. Each referral needs a unique id. Referrals left out come back with the \
                reason.
                """
        case .serverHealth:
            about = """
                Check that Stitch is serving and what: the member and activity counts, the reference date ("today" \
                for ages and recent load), and whether words are matched by meaning. Takes no arguments.
                """
        }
        return about + " The answer is a short summary, then the JSON result (docs/protocol.md). Read only."
    }

    /// The JSON Schema of the tool's arguments: exactly the keys, types and bounds of its params.
    var inputSchema: Value {
        typealias S = ArgumentSchema
        switch self {
        case .whoCanHelp:
            return S.object(
                ["request": S.helpRequest, "limit": S.limit, "profile": S.profile(default: .broker)],
                required: ["request"])
        case .whereCanGive:
            return S.object(
                [
                    "member": S.id("The member who would give, such as \"m-june\"."), "limit": S.limit,
                    "profile": S.profile(default: .broker),
                ], required: ["member"])
        case .referActivities:
            return S.object(
                [
                    "referral": S.referral(requiringID: false), "limit": S.limit,
                    "withBuddy": S.boolean("Suggest a member to go along the first time.", default: true),
                    "profile": S.profile(default: .referral),
                ], required: ["referral"])
        case .explainMatch:
            return S.object(
                [
                    "subject": S.person("Who the suggestion is for: a member id, or a person given in full."),
                    "candidate": S.id(
                        "What is suggested: an activity id (explained as a referral) or a member id (as a helper)."),
                    "skill": S.string(
                        "For a member candidate: the help in question; by default the subject's need the candidate "
                            + "serves best.", maxLength: RecordBounds.maximumTextBytes),
                    "profile": S.string(
                        "Whose weights: broker, referral or planning; by default referral for an activity "
                            + "candidate and broker for a member.", oneOf: ScoringProfile.allCases.map(\.rawValue)),
                    "when": S.array(
                        S.time, "The times in question: when help is wanted (weekly or on given days) for a member "
                            + "candidate, or when the person is free each week for an activity.",
                        maxItems: RecordBounds.maximumSlots),
                    "support": S.string(
                        "For a member candidate: explain them as one-to-one support of this kind for a referral of "
                            + "the subject.", oneOf: OneToOneSupport.allCases.map(\.rawValue)),
                    "activity": S.string(
                        "For a member candidate: explain them as the subject's buddy for this activity (a referral's "
                            + "buddy), without skill or support."),
                ], required: ["subject", "candidate"])
        case .planAllocate:
            return S.object(
                [
                    "referrals": S.array(
                        S.referral(requiringID: true), "The referrals to place; each person at most once.", minItems: 1,
                        maxItems: PlanRequest.maximumReferrals),
                    "maxPerPerson": S.integer(
                        "The most activities one person is placed in.", in: 1...PlanRequest.maximumPerPerson,
                        default: 1),
                    "topK": S.integer(
                        "How many of each referral's best feasible activities are considered.",
                        in: 1...Engine.maximumLimit, default: 20),
                    "withBuddies": S.boolean("Suggest a buddy for each placement.", default: true),
                    "buddyLimitPerWeek": S.integer(
                        "The most newcomers one member is asked to accompany in the plan.", minimum: 0, default: 2),
                    "fairness": S.string(
                        "total: most placements, then the highest total score; maximin: most placements, then the "
                            + "highest lowest score, then the total.", oneOf: Fairness.allCases.map(\.rawValue),
                        default: Fairness.total.rawValue),
                    "maxSharePerPractice": S.number(
                        "The largest share of the places one referrer (GP practice) may take, above 0 and at most 1; "
                            + "no cap when left out.", in: 0...1, exclusiveMinimum: true),
                    "profile": S.profile(default: .planning),
                ], required: ["referrals"])
        case .serverHealth:
            return S.object([:])
        }
    }
}
