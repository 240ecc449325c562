// StitchNumerics: dense linear algebra over column-major buffers, backed by LAPACK and BLAS.
//
// - `Matrix`: the column-major value type, with BLAS products (`multiplied(by:)`, `gram()`).
// - `SymmetricEigendecomposition` (dsyevr), `TridiagonalEigendecomposition` (dstevr),
//   `SingularValueDecomposition` (dgesdd), `LeastSquares` (dgels).
// - `CooccurrenceEmbedding`: the learned skill similarity (PPMI + truncated SVD + cosine).
// - `LAPACKError`: every failure, including NaN or infinity going in or coming out.
