// StitchNetwork: the community network as a graph, its spectral embedding with LAPACK, communities, brokers and bridging value.
//
// A pure module (no I/O). Start from `CommunityNetwork(community:)`, which builds, in order:
//   Graph/        CommunityGraph (CSR ties from exchanges and co-attendance), GraphComponents
//   Spectral/     SpectralEmbedding (per component: dsyevr when small, LanczosEigensolver when large)
//   Communities/  Communities (eigengap + KMeans on the embedding), CommunityProfile (plain words)
//   Bridging/     BridgingModel (effective resistance at the community scale), BrokerRanking
//   Analysis/     ReciprocityIndex, NetworkAnalysis (the `network.analyse` answer), NetworkDiagram (DOT)
// docs/network.md explains each step and the choices behind it.
