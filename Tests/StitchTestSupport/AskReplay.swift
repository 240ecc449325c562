import Foundation
import StitchEngine
public import StitchModel

/// A month of a broker's "who can help?" requests replayed on a community, to measure how
/// fairly asks are spread (docs/scoring.md, "Asks in the load term"; docs/performance.md).
///
/// Each request comes from a member who needs something, for one of their needs, on a day of
/// the month. The broker asks the first ``Settings/asked`` helpers of the answer (each an
/// ``Ask``), and the first one asked gives an hour or two with probability
/// ``Settings/exchangeShare`` (an ``Exchange`` recorded in the community). The same seed gives
/// the same requests in every mode; what differs is the ranking, and what it leads to.
public struct AskReplay: Sendable {
    /// How the replay ranks helpers.
    public enum Mode: String, Sendable, CaseIterable {
        /// Skill, availability and distance alone (the broker weights of those three, the rest 0).
        case relevanceOnly = "relevance only"
        /// Today's broker weights; asks are not weighed.
        case today = "today's weights"
        /// Today's broker weights, with asks in the reciprocity factor's load term.
        case withAsks = "with asks"
        /// Today's broker weights and the helpers close to the best put forward in turn, by each
        /// request's id (``EngineConfiguration/askSharingBand``); asks are not weighed.
        case inTurn = "in turn"
        /// Both: asks in the load term and the helpers close to the best put forward in turn.
        case withAsksInTurn = "with asks, in turn"

        /// Whether the asks are weighed before each request.
        var weighsAsks: Bool { self == .withAsks || self == .withAsksInTurn }
        /// Whether the helpers close to the best take turns.
        var takesTurns: Bool { self == .inTurn || self == .withAsksInTurn }
    }

    /// The size and shape of a replay.
    public struct Settings: Sendable {
        public var requests: Int
        public var days: Int
        public var asked: Int
        public var listed: Int
        public var exchangeShare: Double
        public var seed: UInt64
        /// The band of the modes that take turns; `nil` keeps the engine's default.
        public var band: Double?

        public init(
            requests: Int = 600, days: Int = 30, asked: Int = 2, listed: Int = 5, exchangeShare: Double = 0.5, seed: UInt64 = 7,
            band: Double? = nil
        ) {
            self.requests = requests
            self.days = days
            self.asked = asked
            self.listed = listed
            self.exchangeShare = exchangeShare
            self.seed = seed
            self.band = band
        }
    }

    /// What a replay measured.
    public struct Report: Sendable, CustomStringConvertible {
        public var mode: Mode
        /// Gini coefficient of the asks per eligible helper (``AskReplay/eligibleHelpers(first:configuration:askers:)``), zeros included.
        public var askGini: Double
        /// Share of eligible helpers never asked.
        public var neverAsked: Double
        /// Mean skill, availability and distance (km, where known) over every request's listed helpers.
        public var meanSkill: Double
        public var meanAvailability: Double
        public var meanDistanceKm: Double
        public var asks: Int
        public var exchanges: Int
        public var eligible: Int

        public var description: String {
            func f(_ x: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", x) }
            return "\(mode.rawValue): Gini of asks \(f(askGini)), never asked \(f(100 * neverAsked, 1))% of \(eligible), "
                + "top skill \(f(meanSkill)), availability \(f(meanAvailability)), distance \(f(meanDistanceKm)) km "
                + "(\(asks) asks, \(exchanges) exchanges)"
        }
    }

    public let community: Community
    public let taxonomy: SkillTaxonomy
    public let settings: Settings

    public init(community: Community, taxonomy: SkillTaxonomy, settings: Settings = Settings()) {
        self.community = community
        self.taxonomy = taxonomy
        self.settings = settings
    }

    /// Replays the month in `mode`.
    public func run(_ mode: Mode) throws -> Report {
        let first = Self.lastDay(of: community).adding(days: 1)
        var configuration = EngineConfiguration(referenceDate: first.adding(days: settings.days - 1))
        if mode == .relevanceOnly {
            let broker = configuration.weights(for: .broker)
            configuration.weights[.broker] = FactorWeights(skill: broker.skill, availability: broker.availability, locality: broker.locality)
        }
        if !mode.takesTurns {
            configuration.askSharingBand = 0
        } else if let band = settings.band {
            configuration.askSharingBand = band
        }
        var live = try LiveCommunity(community: community, taxonomy: taxonomy, configuration: configuration)
        var random = SplitMix64(seed: settings.seed)
        let askers = community.members.filter { $0.active && !$0.needs.isEmpty }
        let eligible = try eligibleHelpers(first: first, configuration: configuration, askers: askers)
        var asks: [Ask] = []
        var exchanges = community.exchanges
        var recorded = 0
        var skill = 0.0, availability = 0.0, distance = 0.0, listed = 0, located = 0
        for i in 0..<settings.requests where !askers.isEmpty {
            let day = first.adding(days: i * settings.days / max(1, settings.requests))
            let requester = askers[Int(random.next() % UInt64(askers.count))]
            let need = requester.needs[Int(random.next() % UInt64(requester.needs.count))]
            let roll = Double(random.next() >> 11) / Double(1 << 53)
            let engine = mode.weighsAsks ? live.engine.weighingAsks(asks, exchanges: exchanges, on: day) : live.engine
            // Every request has its own id, as a broker's system numbers its calls.
            let request = HelpRequest(requester: requester.id, skill: need, date: day, id: "req-\(i + 1)")
            let ranking = try engine.whoCanHelp(request, limit: settings.listed, profile: .broker)
            for match in ranking.matches {
                listed += 1
                skill += match.factors.skill
                availability += match.factors.availability
                if let km = match.distanceKm {
                    located += 1
                    distance += km
                }
            }
            for match in ranking.matches.prefix(settings.asked) { asks.append(Ask(subject: requester.id, candidate: match.id, date: day)) }
            if let helper = ranking.matches.first, roll < settings.exchangeShare {
                let exchange = Exchange(giver: helper.id, receiver: requester.id, hours: roll < settings.exchangeShare / 2 ? 2 : 1, date: day)
                try live.apply(.recordExchange(exchange))
                exchanges.append(exchange)
                recorded += 1
            }
        }
        var perHelper = Dictionary(uniqueKeysWithValues: eligible.map { ($0, 0.0) })
        for ask in asks where perHelper[ask.candidate] != nil { perHelper[ask.candidate]! += 1 }
        let counts = Array(perHelper.values)
        return Report(
            mode: mode, askGini: Self.gini(counts), neverAsked: Double(counts.filter { $0 == 0 }.count) / Double(max(1, counts.count)),
            meanSkill: skill / Double(max(1, listed)), meanAvailability: availability / Double(max(1, listed)),
            meanDistanceKm: distance / Double(max(1, located)), asks: asks.count, exchanges: recorded, eligible: eligible.count)
    }

    /// The helpers who could be asked at least once in the month: for some request, they pass
    /// every hard constraint and offer the skill asked or one close to it (skill factor at least
    /// 0.5), on the community as it was before the month. The same in every mode.
    func eligibleHelpers(first: CalendarDate, configuration: EngineConfiguration, askers: [Member]) throws -> [String] {
        let engine = try Engine(community: community, taxonomy: taxonomy, configuration: configuration)
        var random = SplitMix64(seed: settings.seed)
        var eligible: Set<String> = []
        for i in 0..<settings.requests where !askers.isEmpty {
            let day = first.adding(days: i * settings.days / max(1, settings.requests))
            let requester = askers[Int(random.next() % UInt64(askers.count))]
            let need = requester.needs[Int(random.next() % UInt64(requester.needs.count))]
            _ = random.next()
            let ranking = try engine.whoCanHelp(HelpRequest(requester: requester.id, skill: need, date: day), limit: 1000, profile: .broker)
            for match in ranking.matches where match.factors.skill >= 0.5 { eligible.insert(match.id) }
        }
        return eligible.sorted()
    }

    /// The Gini coefficient of non-negative counts: 0 when all are equal, towards 1 when one holds everything.
    public static func gini(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let total = sorted.reduce(0, +)
        guard total > 0, sorted.count > 1 else { return 0 }
        var weighted = 0.0
        for (i, x) in sorted.enumerated() { weighted += Double(i + 1) * x }
        let n = Double(sorted.count)
        return 2 * weighted / (n * total) - (n + 1) / n
    }

    /// The latest day an exchange or attendance is dated (the day a community's engine judges on).
    static func lastDay(of community: Community) -> CalendarDate {
        let dates = community.exchanges.compactMap(\.date) + community.attendance.compactMap(\.date)
        return dates.max() ?? CalendarDate(year: 2026, month: 11, day: 1)!
    }
}
