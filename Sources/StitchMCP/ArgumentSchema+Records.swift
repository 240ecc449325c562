import MCP
import StitchApplication
import StitchEngine
import StitchModel
import StitchPlanning

/// The schemas of the records the tools take (docs/protocol.md, "Data model" and "Queries"),
/// each property one of its type's `fieldKeys`.
extension ArgumentSchema {
    // MARK: - Values

    /// A member's or activity's id.
    static func id(_ description: String) -> Value {
        string(
            description + " Not blank, no control characters, at most \(RecordBounds.maximumIDBytes) bytes of UTF-8.",
            minLength: 1,
            maxLength: RecordBounds.maximumIDBytes)
    }

    /// A name or other free text.
    static func text(_ description: String) -> Value {
        string(
            description + " At most \(RecordBounds.maximumTextBytes) bytes of UTF-8.",
            maxLength: RecordBounds.maximumTextBytes)
    }

    /// A list of terms (skills, interests, groups…).
    static func terms(_ description: String) -> Value {
        array(
            string("A taxonomy id, a synonym or free text.", maxLength: RecordBounds.maximumTextBytes),
            description, maxItems: RecordBounds.maximumListLength)
    }

    /// How many results: 1…1000, 10 by default.
    static let limit = integer(
        "How many results to return, best first.", in: 1...Engine.maximumLimit, default: StitchService.defaultLimit)

    /// A weights profile, with the tool's default.
    static func profile(default value: ScoringProfile) -> Value {
        string(
            "Whose weights score the answer: broker (skill, time and distance first), referral (interests and "
                + "wellbeing first) or planning (like referral, more weight on new ties).",
            oneOf: ScoringProfile.allCases.map(\.rawValue), default: value.rawValue)
    }

    // MARK: - Records

    /// `{"day", "start", "end"}`: a weekly slot.
    static let slot = object(
        [
            "day": string("The day of the week.", oneOf: Weekday.allCases.map(\.rawValue)),
            "start": string(
                "Start time, \"HH:MM\" on the 24-hour clock (\"09:30\").", pattern: TimePattern.text),
            "end": string("End time, \"HH:MM\", after start (\"24:00\" ends the day).", pattern: TimePattern.text),
        ], required: ["day", "start", "end"],
        description: #"A weekly slot, such as {"day": "tue", "start": "10:00", "end": "12:00"}; never past midnight."#)

    /// `{"date", "start", "end"}`: a time on one day.
    static let datedSlot = object(
        [
            "date": string("The day, YYYY-MM-DD.", pattern: DatePattern.text),
            "start": string("Start time, \"HH:MM\" on the 24-hour clock.", pattern: TimePattern.text),
            "end": string("End time, \"HH:MM\", after start.", pattern: TimePattern.text),
        ], required: ["date", "start", "end"],
        description: #"A time on one day, such as {"date": "2026-12-15", "start": "10:00", "end": "12:00"}."#)

    /// A weekly slot, a time on one day, or an ISO 8601 interval on one day.
    static let time = oneOf(
        [
            slot, datedSlot,
            string(
                #"A time on one day as an ISO 8601 interval, "2026-12-15T10:00/2026-12-15T12:00" (both ends the same day)."#,
                pattern: DatePattern.interval),
        ], "A weekly time, or a time on one day.")

    /// `{"from", "to"}`: days away, both included.
    static let awayPeriod = object(
        [
            "from": string("The first day away, YYYY-MM-DD.", pattern: DatePattern.text),
            "to": string("The last day away, YYYY-MM-DD, not before from.", pattern: DatePattern.text),
        ], required: ["from", "to"], description: #"Days away, such as {"from": "2026-12-20", "to": "2027-01-03"}."#)

    /// `{"lat", "lon"}`.
    static let location = object(
        [
            "lat": number("Latitude in WGS84 degrees.", in: RecordBounds.latitude),
            "lon": number("Longitude in WGS84 degrees.", in: RecordBounds.longitude),
        ], required: ["lat", "lon"], description: "A place: latitude and longitude in degrees.")

    /// The Five Ways to Wellbeing, each 0…1.
    static let fiveWays = object(
        Dictionary(
            uniqueKeysWithValues: WellbeingWay.allCases.map {
                (
                    $0.rawValue,
                    number(
                        "How much \($0.displayName) matters, 0 to 1 (a way left out is 0).",
                        in: RecordBounds.wellbeingGoal)
                )
            }),
        description: "Five Ways to Wellbeing goals, each 0 to 1: connect, beActive, keepLearning, takeNotice, give.")

    /// A member or a person given inline (not stored).
    static let member: Value = {
        let list = RecordBounds.maximumListLength
        return object(
            [
                "id": id("The person's id; a stored member's id makes them that member for safeguarding and ties."),
                "name": text("Display name only; never used in scoring."),
                "offers": terms("Skills they give."),
                "interests": terms("Passions, for activities and buddies."),
                "needs": terms("Help they would like."),
                "experiences": terms("Lived experience shared for peer support."),
                "availability": array(
                    slot, "When they are free each week; unknown when empty.", maxItems: RecordBounds.maximumSlots),
                "away": array(
                    awayPeriod, "Days away: not matched to help or sessions on given days then.", maxItems: RecordBounds.maximumAway),
                "location": described(location, "Where they live."),
                "postcode": string("A UK postcode (\"SE13 6LH\"); not used in scoring."),
                "travelKm": number("How far they will travel, in km (3 when left out).", in: RecordBounds.travelKm),
                "homeVisits": boolean("Will visit people at home.", default: false),
                "housebound": boolean("Rarely leaves home: only online activities, and helpers visit.", default: false),
                "accessNeeds": array(
                    string("An access need.", oneOf: AccessTerm.allCases.map(\.rawValue)),
                    "Access needs an activity must meet.",
                    maxItems: list),
                "languages": array(
                    string("An ISO 639-1 code such as \"so\".", pattern: "^[A-Za-z]{2}$"),
                    "Languages spoken, the preferred first: helpers, buddies and activities sharing none are left out.",
                    maxItems: list),
                "interpreter": boolean("Accepts an interpreter when no language is shared.", default: false),
                "maxCost": number("The most they can pay an activity, in pounds a session (0: free only).", in: RecordBounds.cost),
                "dbs": object(
                    [
                        "checked": string("The day it was issued, YYYY-MM-DD.", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
                        "level": string("Its level.", oneOf: DBSLevel.allCases.map(\.rawValue)),
                        "updateService": boolean("On the DBS Update Service: it does not expire.", default: false),
                    ], required: ["checked", "level"], description: "Their DBS check; it expires after 3 years unless on the Update Service."),
                "dbsChecked": boolean("The old form of dbs: a DBS check of unknown date and level.", default: false),
                "gender": string("Their own gender, only as they state it; never inferred.", oneOf: Gender.allCases.map(\.rawValue)),
                "helperGender": string(
                    "The gender they ask for in whoever comes to their home or gives personal help.", oneOf: Gender.allCases.map(\.rawValue)),
                "home": object(
                    [
                        "pets": array(
                            string("An animal; other-pet for any other.", oneOf: Pet.allCases.map(\.rawValue)), "Pets kept at home.",
                            maxItems: list),
                        "smoking": boolean("Someone smokes in the home.", default: false),
                    ], required: [], description: "Facts about their home they state; helpers allergic to a pet or asking for smoke-free homes cannot visit."),
                "visitLimits": object(
                    [
                        "allergies": array(
                            string("An animal; other-pet for any other.", oneOf: Pet.allCases.map(\.rawValue)), "Animals they are allergic to.",
                            maxItems: list),
                        "smokeFree": boolean("Visits only smoke-free homes.", default: false),
                    ], required: [], description: "As a helper: the homes they cannot visit."),
                "birthYear": integer("Year of birth, for activities' age ranges.", in: RecordBounds.birthYear),
                "groups": terms("Organisations and affiliations."),
                "wellbeing": described(fiveWays, "Their own Five Ways to Wellbeing goals."),
                "avoid": array(
                    id("A member id."), "Safeguarding: members never to be matched with this person.",
                    maxItems: RecordBounds.maximumAvoid),
                "active": boolean("An inactive member is never proposed.", default: true),
            ], required: ["id"], description: "A person given in full (not stored): only id is required.")
    }()

    /// A person: a member id, or a person given inline.
    static func person(_ description: String) -> Value {
        oneOf([id("A member id, such as \"m-maud\"."), member], description)
    }

    /// `match.helpers`'s request.
    static let helpRequest = object(
        [
            "id": id("The request's own id: helpers scoring close to the best are put forward in turn by it, the same id giving the same order."),
            "requester": id("The member asking, such as \"m-arthur\"; left out for a member of the public."),
            "skill": string(
                "The help wanted, in plain words or as a taxonomy term: \"accompany to hospital\", \"gardening\", "
                    + "\"help with my garden\".", minLength: 1, maxLength: RecordBounds.maximumTextBytes),
            "when": array(
                time, "When help is wanted, weekly or on given days; helpers free at none of it (or away that day) are left out.",
                maxItems: RecordBounds.maximumSlots),
            "atHome": boolean(
                "The helper comes to the requester's home (implied when the requester is housebound).", default: false),
            "requiresDBS": oneOf(
                [
                    boolean("true: an enhanced check.", default: false),
                    string("The lowest level that will do.", oneOf: DBSLevel.allCases.map(\.rawValue)),
                ], "Only helpers with a DBS check in date on the day asked."),
            "interpreter": boolean("The requester accepts an interpreter.", default: false),
            "date": string("The day help is wanted, YYYY-MM-DD; DBS checks are judged on it.", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"),
            "location": described(location, "Where help is wanted; the requester's home by default."),
            "helperGender": string(
                "The gender asked for in the helper, for this request (the requester's own by default); applies at home and for personal help.",
                oneOf: Gender.allCases.map(\.rawValue)),
        ], required: ["skill"], requiredAnyOf: [["requester"], ["location"]],
        description: "What help is wanted, for whom (requester, or else location), when and where.")

    /// A referral; `requiringID` for a planning session, where each needs one.
    static func referral(requiringID: Bool) -> Value {
        object(
            [
                "id": id(
                    requiringID ? "The referral's id, unique in the session." : "The referral's own id (optional)."),
                "person": person("Who is referred: a member id, or a person given in full who is not a member yet."),
                "goals": described(
                    fiveWays, "Five Ways to Wellbeing goals for this referral; the person's own by default."),
                "interests": terms("Interests added to the person's own."),
                "referrer": text("Who referred: \"gp\", \"link-worker\", a practice id. Not used in scoring."),
                "reason": text(
                    "Why, in the referrer's words (\"lonely since his wife died, used to enjoy woodwork\"): read into "
                        + "needs, goals and interests when words are matched by meaning."),
                "when": array(
                    slot, "When the person can go each week; activities with no session then are left out.",
                    maxItems: RecordBounds.maximumSlots),
                "maxCost": number("The most the person can pay, in pounds a session (0: free only).", in: RecordBounds.cost),
                "interpreter": boolean("The person accepts an interpreter.", default: false),
            ], required: requiringID ? ["id", "person"] : ["person"], description: "A social-prescribing referral.")
    }
}

/// The times a slot's reader takes: `H:MM` or `HH:MM`, from `00:00` to `24:00`.
enum TimePattern {
    static let text = "^(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)$"
}

/// The dates a reader takes (`YYYY-MM-DD`, a real date), and a time on one day as an ISO 8601
/// interval.
enum DatePattern {
    static let text = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
    static let interval =
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt](([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)/[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt](([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)$"
}
