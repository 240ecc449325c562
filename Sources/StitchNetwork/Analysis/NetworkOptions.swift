import StitchModel

/// Every setting of a network analysis, with defaults that suit a time bank of a few hundred to a
/// few hundred thousand members.
///
/// ```swift
/// var options = NetworkOptions()
/// options.communities.k = 4                  // instead of the eigengap's choice
/// options.referenceDate = CalendarDate(parsing: "2026-11-01")
/// let network = try CommunityNetwork(community: community, options: options)
/// ```
public struct NetworkOptions: Sendable, Hashable {
    /// "Today" for ageing exchanges and the reciprocity window; by default the latest date in the data.
    public var referenceDate: CalendarDate?
    /// Activities with more attendees add no pairwise ties.
    public var coAttendanceLimit: Int
    /// How eigenpairs are computed; the analysis regularizes degrees by a tenth of the mean degree
    /// (see ``SpectralEmbedding/Options/regularization``), so communities are not lost behind a
    /// few loosely attached members.
    public var spectral: SpectralEmbedding.Options
    /// How communities are found.
    public var communities: Communities.Options
    /// How bridging values are scaled.
    public var bridging: BridgingModel.Options
    /// Which brokers are listed.
    public var brokers: BrokerRanking.Options

    /// The analysis's degree regularization `τ`, as a share of the mean degree.
    public static let defaultRegularization = 0.1

    /// The defaults.
    public init(
        referenceDate: CalendarDate? = nil, coAttendanceLimit: Int = CommunityGraph.defaultCoAttendanceLimit,
        spectral: SpectralEmbedding.Options = .init(regularization: NetworkOptions.defaultRegularization),
        communities: Communities.Options = .init(),
        bridging: BridgingModel.Options = .init(), brokers: BrokerRanking.Options = .init()
    ) {
        self.referenceDate = referenceDate
        self.coAttendanceLimit = coAttendanceLimit
        self.spectral = spectral
        self.communities = communities
        self.bridging = bridging
        self.brokers = brokers
    }
}
