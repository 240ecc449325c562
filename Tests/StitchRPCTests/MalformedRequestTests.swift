import Foundation
import StitchApplication
import StitchRPC
import StitchTestSupport
import Testing

/// A corpus of malformed requests: each gets the protocol's error code (and, for bad params,
/// the path of the bad field), and the dispatcher keeps answering afterwards.
@Suite("Malformed requests get clear errors")
struct MalformedRequestTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let line: String
        let code: Int
        let field: String?
        /// Words the error must contain: in `data.reason` when a field is named, else in the message.
        var says: String? = nil
        /// The line's bytes when they are not the UTF-8 of `line` (other encodings, invalid UTF-8).
        var bytes: [UInt8]? = nil
        var testDescription: String { "\(code) \(field ?? "") \(says ?? "") \(line.prefix(60))" }

        var data: Data { Data(bytes ?? Array(line.utf8)) }

        /// A line given as raw bytes.
        static func raw(_ bytes: [UInt8], _ name: String, says: String) -> Case {
            Case(line: name, code: -32700, field: nil, says: says, bytes: bytes)
        }
    }

    static let health = #"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#

    /// Strict JSON (RFC 8259, UTF-8 only) and exact whole numbers: each refusal says why.
    static let strict: [Case] = [
        .init(line: #"{"jsonrpc":"2.0","id":1,"method":"server.health",}"#, code: -32700, field: nil, says: "trailing comma"),
        .init(line: #"{"jsonrpc":"2.0","id":1,"method":"server.health","params":{"a":[1,2,]}}"#, code: -32700, field: nil, says: "trailing comma before ']'"),
        .init(line: "[" + health + ",]", code: -32700, field: nil, says: "trailing comma"),
        .init(line: "\u{FEFF}" + health, code: -32700, field: nil, says: "byte-order mark"),
        .raw([0xFF, 0xFE] + Array(health.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE with a BOM", says: "UTF-16"),
        .raw(Array(health.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, "UTF-16LE", says: "NUL"),
        .raw(Array(health.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, "UTF-16BE", says: "NUL"),
        .raw(Array(#"{"jsonrpc":"2.0","id":"a"#.utf8) + [0xFF] + Array(#"","method":"server.health"}"#.utf8), "invalid UTF-8 in a string", says: "invalid UTF-8"),
        .raw(Array(#"{"jsonrpc":"2.0","id":"a"#.utf8) + [0xC3] + Array(#"","method":"server.health"}"#.utf8), "a truncated UTF-8 sequence", says: "invalid UTF-8"),
        .raw([0x7B, 0xFF, 0xFE, 0x7D], "invalid UTF-8 outside a string", says: "invalid UTF-8"),
        .raw(Array(#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#.utf8) + [0x00], "a NUL byte", says: "NUL"),
        .init(line: #"{"jsonrpc":"2.0","id":1,"method":"server.health"} // note"#, code: -32700, field: nil, says: "after the JSON value"),
        .init(line: #"{'jsonrpc':'2.0','id':1,'method':'server.health'}"#, code: -32700, field: nil, says: "double quotes"),
        .init(line: #"{"jsonrpc":"2.0","id":Infinity,"method":"server.health"}"#, code: -32700, field: nil, says: "unexpected character"),
        .init(line: #"{"jsonrpc":"2.0","id":01,"method":"server.health"}"#, code: -32700, field: nil, says: "malformed number"),
        .init(line: #"{"jsonrpc":"2.0","id":+1,"method":"server.health"}"#, code: -32700, field: nil, says: "unexpected character"),
        .init(line: #"{"jsonrpc":"2.0","id":0x10,"method":"server.health"}"#, code: -32700, field: nil),
        .init(line: #"{"jsonrpc":"2.0","id":1e999,"method":"server.health"}"#, code: -32700, field: nil, says: "too large"),
        .init(line: "{\"jsonrpc\":\"2.0\",\"id\":\"a\tb\",\"method\":\"server.health\"}", code: -32700, field: nil, says: "control character"),
        .init(line: #"{"jsonrpc":"2.0","id":"\ud800","method":"server.health"}"#, code: -32700, field: nil, says: "lone surrogate"),
        .init(line: #"{"jsonrpc":"2.0","id":"\q","method":"server.health"}"#, code: -32700, field: nil, says: "unknown escape"),
        .init(line: #"{"jsonrpc":"2.0","id":"open,"method":"server.health"}"#, code: -32700, field: nil),
        .init(line: #"{"jsonrpc":"2.0","id":"open"#, code: -32700, field: nil, says: "not closed"),
        .init(line: "[" + Array(repeating: health, count: 1001).joined(separator: ",") + "]", code: -32600, field: "$", says: "1000"),
        .init(line: request("plan.allocate", #"{"referrals":[{"id":"r-1","person":"m-bee"}],"topK":1950.5}"#), code: -32602, field: "params.topK", says: "must be a whole number"),
        .init(line: request("plan.allocate", #"{"referrals":[{"id":"r-1","person":"m-bee"}],"maxPerPerson":1e19}"#), code: -32602, field: "params.maxPerPerson", says: "is out of range"),
        .init(line: request("plan.allocate", #"{"referrals":[{"id":"r-1","person":"m-bee"}],"buddyLimitPerWeek":-1e300}"#), code: -32602, field: "params.buddyLimitPerWeek", says: "is out of range"),
        .init(line: request("plan.allocate", #"{"referrals":[{"id":"r-1","person":"m-bee"}],"topK":"20"}"#), code: -32602, field: "params.topK", says: "expected a whole number"),
        .init(line: request("member.upsert", #"{"member":{"id":"m-z","birthYear":1950.5}}"#), code: -32602, field: "params.member.birthYear", says: "must be a whole number"),
        .init(line: request("member.upsert", #"{"member":{"id":"m-z","birthYear":1e19}}"#), code: -32602, field: "params.member.birthYear", says: "is out of range"),
        .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","ageMax":1950.5}}"#), code: -32602, field: "params.activity.ageMax", says: "must be a whole number"),
        .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","capacity":1e19}}"#), code: -32602, field: "params.activity.capacity", says: "is out of range"),
        .init(line: request("match.opportunities", #"{"member":"m-bee","limit":1e19}"#), code: -32602, field: "params.limit", says: "is out of range"),
    ]

    static func request(_ method: String, _ params: String) -> String { #"{"jsonrpc":"2.0","id":7,"method":"\#(method)","params":\#(params)}"# }
    static func help(_ request: String) -> String { Self.request("match.helpers", #"{"request":\#(request)}"#) }

    static let cases: [Case] = {
        var c: [Case] = [
            // Not JSON.
            .init(line: "", code: -32700, field: nil), .init(line: "{", code: -32700, field: nil), .init(line: "nonsense", code: -32700, field: nil),
            .init(line: #"{"jsonrpc":"2.0","id":1,"method":"server.health""#, code: -32700, field: nil),
            .init(line: #"{"jsonrpc":"2.0","id":NaN,"method":"server.health"}"#, code: -32700, field: nil),
            .init(line: "\u{FEFF}{}x", code: -32700, field: nil),
            .init(line: String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000), code: -32700, field: nil),
            // Not a request object.
            .init(line: "42", code: -32600, field: nil), .init(line: #""hello""#, code: -32600, field: nil), .init(line: "null", code: -32600, field: nil),
            .init(line: "[]", code: -32600, field: nil), .init(line: "true", code: -32600, field: nil),
            .init(line: #"{"id":1,"method":"server.health"}"#, code: -32600, field: "jsonrpc"),
            .init(line: #"{"jsonrpc":"1.0","id":1,"method":"server.health"}"#, code: -32600, field: "jsonrpc"),
            .init(line: #"{"jsonrpc":2.0,"id":1,"method":"server.health"}"#, code: -32600, field: "jsonrpc"),
            .init(line: #"{"jsonrpc":"2.0","id":1}"#, code: -32600, field: "method"),
            .init(line: #"{"jsonrpc":"2.0","id":1,"method":42}"#, code: -32600, field: "method"),
            .init(line: #"{"jsonrpc":"2.0","id":{"a":1},"method":"server.health"}"#, code: -32600, field: "id"),
            .init(line: #"{"jsonrpc":"2.0","id":[1],"method":"server.health"}"#, code: -32600, field: "id"),
            .init(line: #"{"jsonrpc":"2.0","id":true,"method":"server.health"}"#, code: -32600, field: "id"),
            // Unknown methods.
            .init(line: request("match.everything", "{}"), code: -32601, field: "method"),
            .init(line: request("", "{}"), code: -32601, field: "method"),
            .init(line: request("MATCH.HELPERS", "{}"), code: -32601, field: "method"),
            // Params of the wrong shape.
            .init(line: request("match.helpers", "[1,2]"), code: -32602, field: "params"),
            .init(line: request("match.helpers", #""x""#), code: -32602, field: "params"),
            .init(line: request("match.helpers", "{}"), code: -32602, field: "params.request"),
            .init(line: request("match.opportunities", "{}"), code: -32602, field: "params.member"),
            .init(line: request("refer.activities", "{}"), code: -32602, field: "params.referral"),
            .init(line: request("member.upsert", "{}"), code: -32602, field: "params.member"),
            .init(line: request("member.remove", "{}"), code: -32602, field: "params.id"),
            .init(line: request("exchange.record", "{}"), code: -32602, field: "params.exchange"),
            .init(line: request("attendance.record", "{}"), code: -32602, field: "params.attendance"),
            .init(line: request("community.load", "{}"), code: -32602, field: "params"),
            .init(line: request("community.load", #"{"path":"/nonexistent/file.json"}"#), code: -32602, field: "params.path"),
            .init(line: request("weights.set", #"{"profile":"broker"}"#), code: -32602, field: "params.weights"),
            .init(line: request("weights.set", #"{"profile":"broker","weights":{"skill":-1,"availability":0,"locality":0,"wellbeing":0,"bridging":0,"reciprocity":0}}"#), code: -32602, field: "params.weights.skill"),
            .init(line: request("weights.set", #"{"profile":"broker","weights":{"skill":0,"availability":0,"locality":0,"wellbeing":0,"bridging":0,"reciprocity":0}}"#), code: -32602, field: "params.weights"),
            .init(line: request("weights.get", #"{"profile":"boss"}"#), code: -32602, field: "params.profile"),
            .init(line: request("match.explain", #"{"subject":"m-bee"}"#), code: -32602, field: "params.candidate"),
            .init(line: request("match.explain", #"{"subject":"m-bee","candidate":"zzz"}"#), code: -32001, field: "params.candidate"),
            .init(line: request("match.explain", #"{"subject":"m-ghost","candidate":"a-allotment"}"#), code: -32001, field: "params.subject"),
            .init(line: request("match.opportunities", #"{"member":"m-ghost"}"#), code: -32001, field: "params.member"),
            .init(line: request("match.opportunities", #"{"member":"m-bee","limit":0}"#), code: -32602, field: "params.limit"),
            .init(line: request("match.opportunities", #"{"member":"m-bee","limit":100000}"#), code: -32602, field: "params.limit"),
            .init(line: request("match.opportunities", #"{"member":"m-bee","limit":"ten"}"#), code: -32602, field: "params.limit"),
            .init(line: request("match.opportunities", #"{"member":"m-bee","limit":1e400}"#), code: -32700, field: nil),
            .init(line: request("match.opportunities", #"{"member":"m-bee","limit":2.5}"#), code: -32602, field: "params.limit"),
            .init(line: request("match.opportunities", #"{"member":42}"#), code: -32602, field: "params.member"),
            .init(line: request("match.opportunities", #"{"member":"m-bee","profile":"god"}"#), code: -32602, field: "params.profile"),
            .init(line: request("refer.activities", #"{"referral":{"person":"m-ghost"}}"#), code: -32001, field: "params.referral.person"),
            .init(line: request("refer.activities", #"{"referral":{"person":42}}"#), code: -32602, field: "params.referral.person"),
            .init(line: request("refer.activities", #"{"referral":{"person":""}}"#), code: -32602, field: "params.referral.person"),
            .init(line: request("refer.activities", #"{"referral":{"person":"m-bee","goals":{"connect":3}}}"#), code: -32602, field: "params.referral.goals.connect"),
            .init(line: request("refer.activities", #"{"referral":{"person":"m-bee","goals":{"happiness":1}}}"#), code: -32602, field: "params.referral.goals.happiness"),
            .init(line: request("refer.activities", #"{"referral":{"person":"m-bee"},"withBuddy":"yes"}"#), code: -32602, field: "params.withBuddy"),
            .init(line: request("refer.activities", #"{"referral":{"person":{"id":"p-1","location":{"lat":99,"lon":0}}}}"#), code: -32602, field: "params.referral.person.location.lat"),
            .init(line: request("member.upsert", #"{"member":{"id":""}}"#), code: -32602, field: "params.member.id"),
            .init(line: request("member.upsert", #"{"member":{"id":"m-z","travelKm":-2}}"#), code: -32602, field: "params.member.travelKm"),
            .init(line: request("member.upsert", #"{"member":{"id":"m-z","accessNeeds":["lift"]}}"#), code: -32602, field: "params.member.accessNeeds[0]"),
            .init(line: request("member.upsert", #"{"member":{"id":"m-z","birthYear":3000}}"#), code: -32602, field: "params.member.birthYear"),
            .init(line: request("member.upsert", #"{"member":{"id":"m-z","avoid":["m-z"]}}"#), code: -32602, field: "params.member.avoid[0]"),
            .init(line: request("member.upsert", #"{"member":{"id":"m-z","location":{"lat":"north","lon":0}}}"#), code: -32602, field: "params.member.location.lat"),
            .init(line: request("member.upsert", #"{"member":{"id":"m-z","location":{"lat":51}}}"#), code: -32602, field: "params.member.location.lon"),
            .init(line: request("member.remove", #"{"id":"m-ghost"}"#), code: -32001, field: "params.id"),
            .init(line: request("activity.upsert", #"{"activity":{"id":"a-z"}}"#), code: -32602, field: "params.activity.name"),
            .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","capacity":-1}}"#), code: -32602, field: "params.activity.capacity"),
            .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","capacity":2,"enrolled":3}}"#), code: -32602, field: "params.activity.enrolled"),
            .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","cost":-5}}"#), code: -32602, field: "params.activity.cost"),
            .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","wellbeing":["joy"]}}"#), code: -32602, field: "params.activity.wellbeing[0]"),
            .init(line: request("activity.upsert", #"{"activity":{"id":"a-z","name":"Z","schedule":[{"day":"funday","start":"10:00","end":"11:00"}]}}"#), code: -32602, field: "params.activity.schedule[0].day"),
            .init(line: request("activity.remove", #"{"id":"a-ghost"}"#), code: -32002, field: "params.id"),
            .init(line: request("exchange.record", #"{"exchange":{"giver":"m-bee","receiver":"m-bee","hours":1}}"#), code: -32602, field: "params.exchange.receiver"),
            .init(line: request("exchange.record", #"{"exchange":{"giver":"m-bee","receiver":"m-june","hours":-1}}"#), code: -32602, field: "params.exchange.hours"),
            .init(line: request("exchange.record", #"{"exchange":{"giver":"m-bee","receiver":"m-june","hours":1000}}"#), code: -32602, field: "params.exchange.hours"),
            .init(line: request("exchange.record", #"{"exchange":{"giver":"m-bee","receiver":"m-june","hours":1,"date":"yesterday"}}"#), code: -32602, field: "params.exchange.date"),
            .init(line: request("exchange.record", #"{"exchange":{"giver":"m-ghost","receiver":"m-june","hours":1}}"#), code: -32001, field: "params.exchange.giver"),
            .init(line: request("exchange.record", #"{"exchange":{"giver":"m-bee","receiver":"m-ghost","hours":1}}"#), code: -32001, field: "params.exchange.receiver"),
            .init(line: request("attendance.record", #"{"attendance":{"member":"m-bee","activity":"a-ghost"}}"#), code: -32002, field: "params.attendance.activity"),
            .init(line: request("attendance.record", #"{"attendance":{"member":"m-ghost","activity":"a-allotment"}}"#), code: -32001, field: "params.attendance.member"),
            .init(line: request("plan.allocate", #"{"referrals":[]}"#), code: -32602, field: "params.referrals"),
            .init(line: request("plan.allocate", #"{"referrals":[{"id":"r-1","person":"m-ghost"}]}"#), code: -32001, field: "params.referrals[0].person"),
            .init(line: request("plan.allocate", #"{"referrals":[{"id":"r-1","person":"m-bee"}],"maxPerPerson":0}"#), code: -32602, field: "params.maxPerPerson"),
            // Outcomes, every field wrong in turn.
            .init(line: request("outcome.record", "{}"), code: -32602, field: "params.subject"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","accepted":true}"#), code: -32602, field: "params.candidate"),
            .init(line: request("outcome.record", #"{"subject":"","candidate":"a-knit-natter","accepted":true}"#), code: -32602, field: "params.subject"),
            .init(line: request("outcome.record", #"{"subject":["m-maud"],"candidate":"a-knit-natter","accepted":true}"#), code: -32602, field: "params.subject"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter"}"#), code: -32602, field: "params.accepted"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":"yes"}"#), code: -32602, field: "params.accepted"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"completed":"no"}"#), code: -32602, field: "params.completed"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":false,"completed":true}"#), code: -32602, field: "params.completed"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"m-maud","accepted":true}"#), code: -32602, field: "params.candidate"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"wellbeingBefore":"low"}"#), code: -32602, field: "params.wellbeingBefore"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"wellbeingAfter":{"score":4}}"#), code: -32602, field: "params.wellbeingAfter"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-knit-natter","accepted":true,"wellbeingAfter":1e400}"#), code: -32700, field: nil),
            .init(line: request("outcome.record", #"{"subject":"m-ghost","candidate":"a-knit-natter","accepted":true}"#), code: -32001, field: "params.subject"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"a-ghost","accepted":true}"#), code: -32002, field: "params.candidate"),
            .init(line: request("outcome.record", #"{"subject":"m-maud","candidate":"m-june","accepted":true}"#), code: -32602, field: "params.candidate"),
            .init(line: request("weights.calibrate", #"{"profile":"boss"}"#), code: -32602, field: "params.profile"),
            .init(line: request("weights.calibrate", #"{"profile":"referral"}"#), code: -32602, field: "params.profile"),
            .init(line: request("weights.calibrate", "{}"), code: -32602, field: "params.profile"),
            .init(line: request("network.analyse", #"{"k":0}"#), code: -32602, field: "params.k"),
            .init(line: request("network.analyse", #"{"k":"two"}"#), code: -32602, field: "params.k"),
            .init(line: request("network.analyse", #"{"resolution":0}"#), code: -32602, field: "params.resolution"),
            .init(line: request("network.analyse", #"{"resolution":"high"}"#), code: -32602, field: "params.resolution"),
            .init(line: request("network.analyse", #"{"isolationMonths":0}"#), code: -32602, field: "params.isolationMonths"),
            .init(line: request("network.analyse", #"{"isolationMonths":2.5}"#), code: -32602, field: "params.isolationMonths"),
        ]
        // Requests for help with every field wrong in turn.
        let bad: [(String, String)] = [
            (#"{"skill":"shopping"}"#, "params.request.location"),
            (#"{"requester":"m-arthur"}"#, "params.request.skill"),
            (#"{"requester":"m-arthur","skill":""}"#, "params.request.skill"),
            (#"{"requester":"m-arthur","skill":7}"#, "params.request.skill"),
            (#"{"requester":"m-arthur","skill":"x","when":"tuesday"}"#, "params.request.when"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":"tue"}]}"#, "params.request.when[0].start"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":"tue","start":"9","end":"10:00"}]}"#, "params.request.when[0].start"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":"tue","start":"09:00","end":"24:01"}]}"#, "params.request.when[0].end"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":"tue","start":"09:60","end":"10:00"}]}"#, "params.request.when[0].start"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":"tue","start":"11:00","end":"10:00"}]}"#, "params.request.when[0].end"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":"tue","start":"10:00","end":"10:00"}]}"#, "params.request.when[0].end"),
            (#"{"requester":"m-arthur","skill":"x","when":[{"day":8,"start":"10:00","end":"11:00"}]}"#, "params.request.when[0].day"),
            (#"{"requester":"m-arthur","skill":"x","atHome":"yes"}"#, "params.request.atHome"),
            (#"{"requester":"m-arthur","skill":"x","requiresDBS":1}"#, "params.request.requiresDBS"),
            (#"{"requester":"m-arthur","skill":"x","location":{"lat":91,"lon":0}}"#, "params.request.location.lat"),
            (#"{"requester":"m-arthur","skill":"x","location":{"lat":0,"lon":181}}"#, "params.request.location.lon"),
            (#"{"requester":"m-arthur","skill":"x","location":{"lat":0,"lon":-181}}"#, "params.request.location.lon"),
            (#"{"requester":"m-arthur","skill":"x","location":[51,0]}"#, "params.request.location"),
            (#"{"requester":42,"skill":"x"}"#, "params.request.requester"),
            (#""shopping""#, "params.request"),
        ]
        c += bad.map { Case(line: help($0.0), code: -32602, field: $0.1) }
        c.append(.init(line: help(#"{"requester":"m-ghost","skill":"x"}"#), code: -32001, field: "params.request.requester"))
        // Invalid UTF-8 and control characters.
        c.append(.init(line: String(decoding: [0x7B, 0xFF, 0xFE, 0x7D], as: UTF8.self), code: -32700, field: nil))
        // Out of bounds (RecordBounds), bad ids and unknown names: refused before anything is stored.
        let sixWeights = { (v: String) in #"{"skill":\#(v),"availability":\#(v),"locality":\#(v),"wellbeing":\#(v),"bridging":\#(v),"reciprocity":\#(v)}"# }
        let outOfBounds: [(String, String, String)] = [
            ("activity.upsert", #"{"activity":{"id":"a-x","name":"X","ageMax":900000000000}}"#, "params.activity.ageMax"),
            ("activity.upsert", #"{"activity":{"id":"a-x","name":"X","ageMin":2147483648}}"#, "params.activity.ageMin"),
            ("activity.upsert", #"{"activity":{"id":"a-x","name":"X","capacity":2147483648}}"#, "params.activity.capacity"),
            ("activity.upsert", #"{"activity":{"id":"a-x","name":"X","cost":1e300}}"#, "params.activity.cost"),
            ("activity.upsert", #"{"activity":{"id":"a-x","name":"X\u0000Y"}}"#, "params.activity.name"),
            ("community.load", #"{"community":{"activities":[{"id":"a-x","name":"X","ageMax":900000000000}]}}"#, "params.community.activities[0].ageMax"),
            ("member.upsert", #"{"member":{"id":"m-z\u0000a"}}"#, "params.member.id"),
            ("member.upsert", #"{"member":{"id":"m-\u0085"}}"#, "params.member.id"),
            ("member.upsert", #"{"member":{"id":"\#(String(repeating: "m", count: 129))"}}"#, "params.member.id"),
            ("member.upsert", #"{"member":{"id":"m-x","travelKm":1e300}}"#, "params.member.travelKm"),
            ("member.upsert", #"{"member":{"id":"m-x","avoid":["m-maud\u0000"]}}"#, "params.member.avoid[0]"),
            ("exchange.record", #"{"exchange":{"id":"","giver":"m-maud","receiver":"m-arthur","hours":1}}"#, "params.exchange.id"),
            ("exchange.record", #"{"exchange":{"id":"  ","giver":"m-maud","receiver":"m-arthur","hours":1}}"#, "params.exchange.id"),
            ("exchange.record", #"{"exchange":{"giver":"m-maud","receiver":"m-arthur","hours":169}}"#, "params.exchange.hours"),
            ("weights.set", #"{"profile":"referral","weights":\#(sixWeights("5e-324"))}"#, "params.weights.skill"),
            ("weights.set", #"{"profile":"referral","weights":{"skill":0.2,"availability":0.2,"locality":1e308,"wellbeing":0.2,"bridging":1e308,"reciprocity":0.2}}"#, "params.weights.locality"),
            ("weights.set", #"{"profile":"admin","weights":\#(sixWeights("0.1"))}"#, "params.profile"),
            ("weights.get", #"{"profile":"admin"}"#, "params.profile"),
        ]
        c += outOfBounds.map { Case(line: request($0.0, $0.1), code: -32602, field: $0.2) }
        // Every method with params of the wrong type.
        for m in ["community.load", "member.upsert", "activity.upsert", "exchange.record", "attendance.record", "match.explain", "weights.set", "refer.activities", "outcome.record", "weights.calibrate"] {
            c.append(.init(line: request(m, "7"), code: -32602, field: "params"))
        }
        return c + strict
    }()

    @Test func corpusIsLarge() { #expect(Self.cases.count >= 100, "\(Self.cases.count) cases") }

    @Test(arguments: cases)
    func getsTheRightError(_ c: Case) async throws {
        let rpc = try RPCHarness()
        let response = try #require(await rpc.dispatcher.handle(line: c.data))
        let object = try #require(try JSONSerialization.jsonObject(with: response) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any], "no error for \(c.line)")
        #expect(error["code"] as? Int == c.code, "\(error)")
        let message = error["message"] as? String
        #expect(message?.isEmpty == false)
        if let field = c.field {
            #expect((error["data"] as? [String: Any])?["field"] as? String == field, "\(error)")
            let reason = (error["data"] as? [String: Any])?["reason"] as? String
            #expect(reason?.isEmpty == false)
            if let says = c.says { #expect(reason?.contains(says) == true, "\(error)") }
        } else if let says = c.says {
            #expect(message?.contains(says) == true, "\(error)")
        }
        // The dispatcher keeps serving.
        let health = try await rpc.object(#"{"jsonrpc":"2.0","id":1,"method":"server.health"}"#)
        #expect(health["result"] != nil)
    }

    @Test func overLongLinesAreRefused() async throws {
        let rpc = try RPCHarness()
        let long = #"{"jsonrpc":"2.0","id":1,"method":"server.health","params":{"pad":""# + String(repeating: "x", count: 70 * 1024) + #""}}"#
        #expect(try await rpc.errorCode(long) == -32003)
    }
}
