// StitchNetwork: the community network as a graph, its communities (Leiden), brokers (structural holes,
// betweenness), isolation, and the bridging value from its spectral embedding with LAPACK.
//
// A pure module (no I/O). Start from `CommunityNetwork(community:)`, which builds, in order:
//   Graph/        CommunityGraph (CSR ties from exchanges and co-attendance), GraphComponents
//   Spectral/     SpectralEmbedding (per component: dsyevr when small, LanczosEigensolver when large)
//   Communities/  Leiden (local moving, refinement, aggregation), Modularity, Communities, CommunityProfile
//   Bridging/     BridgingModel (effective resistance at the community scale), StructuralHoles,
//                 Betweenness (Brandes), BrokerRanking (brokers with reasons)
//   Analysis/     Isolation, BridgeCandidates, ReciprocityIndex, NetworkAnalysis (the `network.analyse`
//                 answer), NetworkDiagram (DOT)
// docs/network.md explains each step and the choices behind it.
