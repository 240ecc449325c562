import StitchModel

/// Every setting of a network analysis, with defaults that suit a time bank of a few hundred to a
/// few hundred thousand members.
///
/// ```swift
/// var options = NetworkOptions()
/// options.communities.resolution = 2        // more, smaller communities
/// options.isolationMonths = 3               // "no ties lately" means the last 3 months
/// options.referenceDate = CalendarDate(parsing: "2026-11-01")
/// let network = try CommunityNetwork(community: community, options: options)
/// ```
public struct NetworkOptions: Sendable, Hashable {
    /// "Today" for ageing exchanges, the reciprocity window and recent ties; by default the
    /// latest date in the data.
    public var referenceDate: CalendarDate?
    /// Activities with more attendees add no pairwise ties.
    public var coAttendanceLimit: Int
    /// How eigenpairs are computed (for the bridging value); the analysis regularizes degrees by
    /// a tenth of the mean degree (see ``SpectralEmbedding/Options/regularization``), so the
    /// resistance is not dominated by a few loosely attached members.
    public var spectral: SpectralEmbedding.Options
    /// How communities are found: the Leiden algorithm's resolution, runs and seed.
    public var communities: Leiden.Options
    /// How bridging values are scaled, and how many eigenpairs they use.
    public var bridging: BridgingModel.Options
    /// Which brokers are listed, and how betweenness is computed.
    public var brokers: BrokerRanking.Options
    /// A member with no tie (exchange, or shared activity) in this many months before the
    /// reference date is listed as without recent ties.
    public var isolationMonths: Int

    /// The analysis's degree regularization `τ`, as a share of the mean degree.
    public static let defaultRegularization = 0.1

    /// The defaults.
    public init(
        referenceDate: CalendarDate? = nil, coAttendanceLimit: Int = CommunityGraph.defaultCoAttendanceLimit,
        spectral: SpectralEmbedding.Options = .init(regularization: NetworkOptions.defaultRegularization),
        communities: Leiden.Options = .init(),
        bridging: BridgingModel.Options = .init(), brokers: BrokerRanking.Options = .init(), isolationMonths: Int = 6
    ) {
        self.referenceDate = referenceDate
        self.coAttendanceLimit = coAttendanceLimit
        self.spectral = spectral
        self.communities = communities
        self.bridging = bridging
        self.brokers = brokers
        self.isolationMonths = isolationMonths
    }
}
