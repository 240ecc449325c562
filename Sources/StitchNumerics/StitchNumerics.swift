// StitchNumerics: dense linear algebra over column-major buffers, backed by LAPACK and BLAS.
