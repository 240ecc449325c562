import Foundation
import StitchTestSupport
import StitchNumerics

/// Runs a short numpy/scipy script as a subprocess and decodes the JSON it writes.
///
/// The script sees `inp` (the decoded JSON input), helpers `mat(obj)` (a `MatrixJSON` dict to a
/// numpy array) and `flat(a)` (an array to its column-major list), and must call `out(obj)`.
/// A missing `python3`, numpy or scipy makes the calling test fail with a message saying so:
/// the reference check is never skipped silently.
enum NumPyReference {
    /// The JSON shape of a matrix: dimensions plus column-major elements.
    struct MatrixJSON: Codable {
        let rows: Int
        let columns: Int
        let columnMajor: [Double]

        init(_ matrix: Matrix) {
            self.rows = matrix.rows
            self.columns = matrix.columns
            self.columnMajor = matrix.columnMajor
        }

        func matrix() throws -> Matrix {
            try Matrix(rows: self.rows, columns: self.columns, columnMajor: self.columnMajor)
        }
    }

    private static let prelude = """
        import json, sys
        try:
            import numpy as np
            import scipy.linalg
        except ImportError as error:
            sys.stderr.write("numpy/scipy are not installed (%s); run `make deps`\\n" % error)
            sys.exit(3)
        with open(sys.argv[1]) as f:
            inp = json.load(f)
        def mat(obj):
            return np.array(obj["columnMajor"], dtype=float).reshape((obj["columns"], obj["rows"])).T
        def flat(a):
            return np.asarray(a, dtype=float).T.reshape(-1).tolist()
        def matjson(a):
            a = np.atleast_2d(np.asarray(a, dtype=float))
            return {"rows": a.shape[0], "columns": a.shape[1], "columnMajor": flat(a)}
        def out(obj):
            with open(sys.argv[2], "w") as f:
                json.dump(obj, f)

        """

    /// Runs `script` with `input` and decodes its output as `Output`.
    static func run<Input: Encodable, Output: Decodable>(
        _ script: String,
        input: Input,
        as _: Output.Type = Output.self
    ) throws -> Output {
        try PythonScript.run(self.prelude + script, input: input, reference: "numpy reference")
    }
}
