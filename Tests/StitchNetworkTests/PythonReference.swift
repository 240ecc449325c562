import Foundation
import StitchTestSupport

/// Runs a short numpy/scipy script as a subprocess and decodes the JSON it writes.
///
/// The script sees `inp` (the decoded JSON input), helpers `laplacian(inp)` (the normalized
/// Laplacian of the graph `{"n", "edges": [[a, b, w]…]}` as a scipy sparse matrix, isolated nodes
/// with a zero row in the normalized adjacency) and `out(obj)`. A missing `python3`, numpy or
/// scipy makes the calling test fail with a message saying so: the reference is never skipped.
enum PythonReference {
    private static let prelude = """
        import json, sys
        try:
            import numpy as np
            import scipy.sparse as sp
            import scipy.sparse.linalg as sla
        except ImportError as error:
            sys.stderr.write("numpy/scipy are not installed (%s); run `make deps`\\n" % error)
            sys.exit(3)
        with open(sys.argv[1]) as f:
            inp = json.load(f)
        def adjacency(g):
            n = g["n"]
            e = np.array(g["edges"], dtype=float).reshape(-1, 3)
            w = sp.coo_matrix((e[:, 2], (e[:, 0].astype(int), e[:, 1].astype(int))), shape=(n, n)).tocsr()
            w = w + w.T
            w.setdiag(0)
            w.eliminate_zeros()
            d = np.asarray(w.sum(axis=1)).ravel()
            s = np.zeros(n)
            s[d > 0] = 1 / np.sqrt(d[d > 0])
            return w, d, sp.diags(s) @ w @ sp.diags(s)
        def laplacian(g):
            return sp.identity(g["n"]) - adjacency(g)[2]
        def out(obj):
            with open(sys.argv[2], "w") as f:
                json.dump(obj, f)

        """

    /// Runs `script` with `input` and decodes its output as `Output`.
    static func run<Input: Encodable, Output: Decodable>(
        _ script: String, input: Input, as _: Output.Type = Output.self
    ) throws -> Output {
        try PythonScript.run(self.prelude + script, input: input, reference: "numpy/scipy reference")
    }
}
