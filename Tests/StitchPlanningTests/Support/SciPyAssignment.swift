import Foundation
import StitchTestSupport
import StitchPlanning

/// An independent optimum: `scipy.optimize.linear_sum_assignment` on the capacity-expanded
/// matrix, run as a python3 subprocess (JSON in, JSON out).
///
/// Rows are the referrals (one place each), columns every place of every activity (an activity
/// repeated once per place left) plus one "not placed" column per referral. A placement costs
/// `valueScale − value`, the referral's own "not placed" column costs `M = valueScale × (rows + 1)`,
/// and every other cell is prohibitive, so the optimum is the same lexicographic objective the
/// solver uses: the most placements, then the highest total value. A missing python3 or scipy
/// makes the calling test fail with a message saying so: the check is never skipped silently.
enum SciPyAssignment {
    private struct Input: Encodable {
        let referrals: Int
        let capacities: [Int]
        let edges: [[Int64]]
        let scale: Int64
    }

    struct Output: Decodable {
        let placed: Int
        let total: Int64
    }

    private static let script = """
        import json, sys
        try:
            import numpy as np
            from scipy.optimize import linear_sum_assignment
        except ImportError as error:
            sys.stderr.write("numpy/scipy are not installed (%s); run `make deps`\\n" % error)
            sys.exit(3)
        def solve(inp):
            n, scale = inp["referrals"], inp["scale"]
            slots = [a for a, c in enumerate(inp["capacities"]) for _ in range(c)]
            big, M = 1e13, float(scale * (n + 1))
            cost = np.full((n, len(slots) + n), big)
            value = {}
            for r, a, v in inp["edges"]:
                value[(r, a)] = v
            slots_of = {}
            for j, a in enumerate(slots):
                slots_of.setdefault(a, []).append(j)
            for (r, a), v in value.items():
                for j in slots_of.get(a, []):
                    cost[r, j] = scale - v
            for r in range(n):
                cost[r, len(slots) + r] = M
            rows, cols = linear_sum_assignment(cost)
            placed, total = 0, 0
            for r, j in zip(rows, cols):
                assert cost[r, j] < big
                if j < len(slots):
                    placed += 1
                    total += value[(r, slots[j])]
            return {"placed": placed, "total": total}
        json.dump([solve(inp) for inp in json.load(open(sys.argv[1]))], open(sys.argv[2], "w"))
        """

    /// The optimum of each graph (one place per referral, no group caps), in one python run.
    static func optima(_ graphs: [CandidateGraph]) throws -> [Output] {
        let inputs = graphs.map { graph in
            precondition(graph.referralCapacity == 1 && graph.groupCapacities.allSatisfy { $0 == nil })
            var edges: [[Int64]] = []
            for r in 0..<graph.referralCount {
                for c in graph.candidates(of: r) { edges.append([Int64(r), Int64(c.activity), c.value]) }
            }
            return Input(
                referrals: graph.referralCount, capacities: graph.activityCapacities, edges: edges,
                scale: CandidateGraph.valueScale)
        }
        return try self.run(inputs)
    }

    private static func run(_ input: [Input]) throws -> [Output] {
        try PythonScript.run(self.script, input: input, reference: "scipy reference")
    }
}
