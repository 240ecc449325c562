import Testing

@testable import StitchNumerics

/// `UnitColumns`: the cosines of a query against every column (or a range of them) through
/// `cblas_sgemv`, checked against dot products summed in double precision.
@Suite struct UnitColumnsTests {
    static func randomUnit(_ n: Int, _ rng: inout SplitMix64) -> [Float] {
        let v = (0..<n).map { _ in Float.random(in: -1...1, using: &rng) }
        let norm = v.reduce(Float(0)) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / norm }
    }

    @Test(arguments: [1, 7, 384]) func dotProductsMatchPlainSums(dimension: Int) throws {
        var rng = SplitMix64(seed: UInt64(dimension))
        var columns = UnitColumns(dimension: dimension)
        let vectors = (0..<53).map { _ in Self.randomUnit(dimension, &rng) }
        for v in vectors { try columns.append(v) }
        let query = Self.randomUnit(dimension, &rng)
        let all = try columns.dotProducts(with: query)
        #expect(all.count == vectors.count)
        for (j, v) in vectors.enumerated() {
            let exact = zip(v, query).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
            #expect(abs(Double(all[j]) - exact) < 1e-5)
        }
        let part = try columns.dotProducts(with: query, columns: 10..<31)
        // The kernel blocks a shorter product differently: the same to the last bits or so.
        #expect(zip(part, all[10..<31]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(try columns.dotProducts(with: query, columns: 53..<53).isEmpty)
    }

    @Test func badInputIsRefused() throws {
        var columns = UnitColumns(dimension: 3)
        #expect(throws: LAPACKError.self) { try columns.append([1, 0]) }
        #expect(throws: LAPACKError.self) { try columns.append([.nan, 0, 0]) }
        try columns.append([1, 0, 0])
        #expect(throws: LAPACKError.self) { try columns.dotProducts(with: [0, 1]) }
        #expect(throws: LAPACKError.self) { try columns.dotProducts(with: [0, 1, 0], columns: 0..<2) }
    }
}
