import StitchModel
import StitchNetwork
import StitchNumerics

/// The network's bridging model (``StitchNetwork/BridgingModel``), compiled for scoring: the value
/// of a new tie between two members in O(k), with no allocation and no dictionary look-up.
///
/// Each member keeps `dimension` resistance coordinates (one flat row-major array), the connected
/// component they belong to (`-1` when they had no ties when the model was built) and the shared
/// scale, so a pair's value is
///
/// - 0 for a member and themself;
/// - ``StitchNetwork/BridgingModel/firstTie`` (1) when either has no ties, including members added
///   after the build (an index beyond ``count``);
/// - ``StitchNetwork/BridgingModel/acrossComponents`` (0.95) for two components that nothing joins;
/// - `0.9 · min(1, ‖x_a − x_b‖² / scale)` otherwise: the approximate effective resistance, scaled.
///
/// These are exactly ``StitchNetwork/CommunityNetwork/bridging(_:_:)-(Int,Int)``'s values for the
/// same community and options. A member's value with a group (an activity's attendees, or the
/// whole network) is in `SpectralBridging+Groups.swift`. When the eigensolver fails (which sound
/// input does not cause), the model keeps the error and every value is neutral (0.5).
struct SpectralBridging: Sendable {
    /// Resistance coordinates, `count × dimension`, row-major.
    let coordinates: [Double]
    /// Coordinates per member.
    let dimension: Int
    /// Each member's component, `-1` for a member with no ties.
    let component: [Int32]
    /// The resistance that maps to ``StitchNetwork/BridgingModel/withinComponent``.
    let scale: Double
    /// Per component, the mean of its members' coordinates (`components × dimension`), the mean
    /// of their squared norms and its size: the mean resistance from anyone to the rest of their
    /// component is O(k).
    let componentMean: [Double]
    let componentMeanSquare: [Double]
    let componentSize: [Int32]
    /// Members of the network the model was built from, and how many of them had no ties.
    let networkSize: Int
    let isolatedCount: Int
    /// Each activity's attendees, summed when the model was built.
    let activities: ActivityGroups
    /// The total weight of the ties the model was built from (each tie once).
    let totalTieWeight: Double
    /// The date ties were aged from.
    let referenceDate: CalendarDate?
    /// Why the model could not be built, when it could not; every value is then neutral.
    let failure: LAPACKError?

    /// Members the model knows.
    var count: Int { component.count }

    /// The options the engine analyses the network with: the network analysis's defaults, so the
    /// factor and `network.analyse` agree.
    static func networkOptions(referenceDate: CalendarDate, coAttendanceLimit: Int) -> NetworkOptions {
        NetworkOptions(referenceDate: referenceDate, coAttendanceLimit: coAttendanceLimit)
    }

    /// Builds the model of `community`'s network.
    ///
    /// - Parameters:
    ///   - memberIndex: Where each member id sits in the engine, when the community's members are
    ///     not the engine's in the same order (a recompute on newer data); members the engine does
    ///     not know are left out, and the engine's members missing from the community have no ties.
    ///   - memberCount: The engine's member count.
    /// - Throws: the eigensolver's error.
    init(
        community: Community, memberIndex: [String: Int32]?, memberCount: Int, attendees: CompressedRows<Int32>,
        referenceDate: CalendarDate, coAttendanceLimit: Int
    ) throws(LAPACKError) {
        let options = Self.networkOptions(referenceDate: referenceDate, coAttendanceLimit: coAttendanceLimit)
        let graph = CommunityGraph(
            community: community, referenceDate: referenceDate, coAttendanceLimit: coAttendanceLimit)
        let count = min(graph.nodeCount, options.bridging.eigenpairs)
        let embedding = try SpectralEmbedding(graph: graph, count: count, options: options.spectral)
        let model = BridgingModel(graph: graph, embedding: embedding, options: options.bridging)
        self.init(model: model, graph: graph, memberIndex: memberIndex, memberCount: memberCount, attendees: attendees)
    }

    /// Compiles a built model; `memberIndex` maps the graph's member ids to the engine's indices
    /// (`nil`: the same order), and `attendees` lists each activity's attendees by engine index.
    init(
        model: BridgingModel, graph: CommunityGraph, memberIndex: [String: Int32]?, memberCount: Int,
        attendees: CompressedRows<Int32>
    ) {
        let d = model.dimension
        let parts = model.components
        // Graph node → engine index.
        var target = [Int](repeating: -1, count: graph.nodeCount)
        for v in 0..<graph.nodeCount {
            if let memberIndex {
                target[v] = memberIndex[graph.memberIDs[v]].map(Int.init) ?? -1
            } else if v < memberCount {
                target[v] = v
            }
        }
        var coordinates = [Double](repeating: 0, count: memberCount * d)
        var component = [Int32](repeating: -1, count: memberCount)
        var mean = [Double](repeating: 0, count: parts.count * d)
        var meanSquare = [Double](repeating: 0, count: parts.count)
        model.coordinates.withUnsafeBufferPointer { x in
            for v in 0..<graph.nodeCount where parts.size(of: Int(parts.label[v])) > 1 {
                let c = Int(parts.label[v])
                let row = x[(v * d)..<((v + 1) * d)]
                let weight = 1 / Double(parts.size(of: c))
                var square = 0.0
                for (t, value) in row.enumerated() {
                    mean[c * d + t] += value * weight
                    square += value * value
                }
                meanSquare[c] += square * weight
                let m = target[v]
                guard m >= 0 else { continue }
                component[m] = Int32(c)
                for (t, value) in row.enumerated() { coordinates[m * d + t] = value }
            }
        }
        self.activities = ActivityGroups(
            attendees: attendees, coordinates: coordinates, component: component, dimension: d)
        self.coordinates = coordinates
        self.dimension = d
        self.component = component
        self.scale = model.scale
        self.componentMean = mean
        self.componentMeanSquare = meanSquare
        self.componentSize = (0..<parts.count).map { Int32(parts.size(of: $0)) }
        self.networkSize = graph.nodeCount
        self.isolatedCount = (0..<parts.count).reduce(0) { $0 + (parts.size(of: $1) == 1 ? 1 : 0) }
        self.totalTieWeight = graph.weights.reduce(0, +) / 2
        self.referenceDate = graph.referenceDate
        self.failure = nil
    }

    /// The model of a community at engine build: members placed by `memberIndex`, ties aged from
    /// `today`. A failure of the eigensolver is kept, not thrown (the engine still
    /// answers, with neutral bridging; see ``Engine/bridgingFailure``).
    init(
        community: Community, memberIndex: [String: Int32], memberCount: Int, attendees: CompressedRows<Int32>,
        configuration: EngineConfiguration, today: CalendarDate
    ) {
        do {
            try self.init(
                community: community, memberIndex: memberIndex, memberCount: memberCount, attendees: attendees,
                referenceDate: today, coAttendanceLimit: configuration.coAttendanceLimit)
        } catch {
            self.init(failure: error)
        }
    }

    /// A model that could not be built: every value is neutral.
    init(failure: LAPACKError) {
        coordinates = []
        dimension = 0
        component = []
        scale = 1
        componentMean = []
        componentMeanSquare = []
        componentSize = []
        networkSize = 0
        isolatedCount = 0
        activities = ActivityGroups()
        totalTieWeight = 0
        referenceDate = nil
        self.failure = failure
    }

    /// True when member `m` had no ties when the model was built (or joined since).
    @inline(__always)
    func isIsolated(_ m: Int) -> Bool { m >= count || component[m] < 0 }

    /// The value of a new tie between members `a` and `b`, in [0, 1].
    @inline(__always)
    func value(_ a: Int, _ b: Int) -> Double {
        if a == b { return 0 }
        if failure != nil { return Formulas.neutral }
        if isIsolated(a) || isIsolated(b) { return BridgingModel.firstTie }
        if component[a] != component[b] { return BridgingModel.acrossComponents }
        return BridgingModel.withinComponent * min(1, squaredDistance(a, b) / scale)
    }
}
