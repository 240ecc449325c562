extension LAPACKSupport {
    /// Calls a routine that takes a real and an integer workspace: first a workspace query
    /// (`lwork = liwork = -1`), then the call itself with the sizes it asked for, never less than
    /// the documented minimums. `call` returns the routine's `info`, checked after each call.
    static func withWorkspaces(
        routine: String, minimumWork: Int, minimumIntegerWork: Int,
        _ call: (UnsafeMutablePointer<Double>, Int32, UnsafeMutablePointer<Int32>, Int32) -> Int32
    ) throws(LAPACKError) {
        var workQuery = 0.0
        var iworkQuery: Int32 = 0
        try check(info: call(&workQuery, -1, &iworkQuery, -1), routine: routine)
        let lwork = try workspaceSize(workQuery, minimum: minimumWork, routine: routine)
        let liwork = max(Int(iworkQuery), minimumIntegerWork, 1)
        var work = [Double](repeating: 0, count: lwork)
        var iwork = [Int32](repeating: 0, count: liwork)
        let lwork32 = try int32(lwork, routine: routine)
        let liwork32 = try int32(liwork, routine: routine)
        let info = try work.withLAPACKPointer(routine: routine) { (work) throws(LAPACKError) in
            try iwork.withLAPACKPointer(routine: routine) { (iwork) throws(LAPACKError) in
                call(work, lwork32, iwork, liwork32)
            }
        }
        try check(info: info, routine: routine)
    }

    /// The `m` selected eigenpairs an MRRR routine (`dsyevr`, `dstevr`) wrote to `w` and `z`,
    /// checked: all of them found, every value finite.
    static func eigenpairs(
        values w: [Double], vectors z: [Double], found: Int32, expected m: Int, order n: Int, withVectors: Bool,
        routine: String
    ) throws(LAPACKError) -> (values: [Double], vectors: Matrix?) {
        guard Int(found) == m else {
            // An internal MRRR failure: report it as a convergence failure, naming the shortfall.
            throw .failed(routine: "\(routine) (found \(found) of \(m) eigenvalues)", info: 1)
        }
        let values = Array(w[0..<m])
        try requireFiniteOutput(values, routine: routine)
        guard withVectors else { return (values, nil) }
        try requireFiniteOutput(z, routine: routine)
        return (values, try Matrix(rows: n, columns: m, columnMajor: z))
    }
}
