/// The flow network of a ``CandidateGraph``, laid out for either solver.
///
/// Nodes: one per referral, one per activity, the sink, and for each capped group a supply
/// node and a gate node (plus a source for the maximum-flow layout). Edges:
///
/// - referral → activity for each candidate worth at least `minimumValue`: capacity 1, cost
///   `valueScale − value` (never negative, so the first potentials are zero);
/// - activity → sink: capacity = places left (at most the number of units);
/// - **min-cost layout**: each unit of a referral's `maxPerPerson` is a supply at the referral,
///   which also has an edge to the sink at cost `M` ("not placed"); a capped group's units are
///   supplied at its supply node instead, which reaches its referrals through the gate
///   (capacity = the group's cap) or goes to the sink at cost `M`;
/// - **max-flow layout**: source → referral (capacity `maxPerPerson`), or source → gate →
///   referral for a capped group.
///
/// `M = valueScale × (units + 1)` is more than any allocation's total value, so one more
/// placement always outweighs any gain in score: the lexicographic objective.
struct PlanningNetwork {
    enum Layout { case minimumCost, maximumFlow }

    var network: FlowNetwork
    /// The edge of each candidate (by its index in the graph's rows), or -1 when left out.
    let candidateEdge: [Int32]
    /// Units to send from each supply node to the sink (min-cost layout).
    let supplies: [(node: Int, units: Int)]
    let source: Int
    let sink: Int
    /// The cost of leaving one unit unplaced.
    let unplacedCost: Int64

    init(_ graph: CandidateGraph, minimumValue: Int64 = 0, layout: Layout) {
        let r = graph.referralCount
        let a = graph.activityCount
        let k = graph.referralCapacity
        let units = r * k
        let capped = graph.groupCapacities.map { $0 != nil }
        let groupCount = graph.groupCapacities.count
        // Node numbers.
        let sink = r + a
        let source = sink + 1
        func supplyNode(_ g: Int) -> Int { source + 1 + 2 * g }
        func gateNode(_ g: Int) -> Int { source + 2 + 2 * g }
        var builder = FlowNetwork.Builder(
            nodeCount: source + 1 + 2 * groupCount, edgeCapacity: graph.candidateCount + r + a + 3 * groupCount)
        let unplacedCost = CandidateGraph.valueScale * Int64(units + 1)

        var groupSize = Array(repeating: 0, count: groupCount)
        for g in graph.groups { if let g { groupSize[g] += 1 } }
        var supplies: [(node: Int, units: Int)] = []
        for ref in 0..<r {
            if let g = graph.groups[ref], capped[g] {
                builder.add(gateNode(g), ref, capacity: k)
            } else if layout == .minimumCost {
                builder.add(ref, sink, capacity: k, cost: unplacedCost)
                supplies.append((ref, k))
            } else {
                builder.add(source, ref, capacity: k)
            }
        }
        for (g, cap) in graph.groupCapacities.enumerated() {
            guard let cap else { continue }
            let groupUnits = groupSize[g] * k
            if layout == .minimumCost {
                builder.add(supplyNode(g), gateNode(g), capacity: min(cap, groupUnits))
                builder.add(supplyNode(g), sink, capacity: groupUnits, cost: unplacedCost)
                supplies.append((supplyNode(g), groupUnits))
            } else {
                builder.add(source, gateNode(g), capacity: min(cap, groupUnits))
            }
        }
        var candidateEdge = [Int32](repeating: -1, count: graph.candidateCount)
        for ref in 0..<r {
            for e in graph.start[ref]..<graph.start[ref + 1] where graph.value[e] >= minimumValue {
                let cost = CandidateGraph.valueScale - graph.value[e]
                candidateEdge[e] = Int32(builder.add(ref, r + Int(graph.activity[e]), capacity: 1, cost: cost))
            }
        }
        for act in 0..<a where graph.activityCapacities[act] > 0 {
            builder.add(r + act, sink, capacity: min(graph.activityCapacities[act], units))
        }
        // Supplies in referral order (a capped group's supply where its first referral stands)
        // keep the work deterministic and close to the input order.
        var order = supplies.map { s -> (Int, Int, Int) in
            let at = s.node < r ? s.node : (graph.groups.firstIndex(of: (s.node - source - 1) / 2) ?? r)
            return (at, s.node, s.units)
        }
        order.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        self.network = FlowNetwork(builder)
        self.candidateEdge = candidateEdge
        self.supplies = order.map { (node: $0.1, units: $0.2) }
        self.source = source
        self.sink = sink
        self.unplacedCost = unplacedCost
    }

    /// The allocation the current flow describes.
    func allocation(of graph: CandidateGraph) -> Allocation {
        var chosen: [[Int]] = Array(repeating: [], count: graph.referralCount)
        for ref in 0..<graph.referralCount {
            for e in graph.start[ref]..<graph.start[ref + 1] {
                let edge = Int(self.candidateEdge[e])
                if edge >= 0, self.network.flow(onEdge: edge) > 0 { chosen[ref].append(e - graph.start[ref]) }
            }
        }
        return Allocation(graph: graph, chosen: chosen)
    }
}
