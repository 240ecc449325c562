// BLAS (through OpenBLAS's CBLAS header) and the LAPACK (Fortran) routines Stitch calls, all
// from Debian's libopenblas-dev, whose libopenblas carries both BLAS and LAPACK.
// The header is included from OpenBLAS's own folder (under the multiarch include directory) so
// that the declarations match the library whichever cblas.h the system's alternatives select.
// Debian ships no C header for the Fortran LAPACK symbols, so each routine is declared here:
// every argument is a pointer, INTEGER is int32_t, arrays are column-major, and each
// CHARACTER argument adds a hidden trailing length (size_t) at the end of the list.
#ifndef STITCH_CLAPACK_SHIM_H
#define STITCH_CLAPACK_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <openblas-pthread/cblas.h>

/// Eigenvalues and optionally eigenvectors of a real symmetric matrix (MRRR).
void dsyevr_(const char *jobz, const char *range, const char *uplo, const int32_t *n,
             double *a, const int32_t *lda, const double *vl, const double *vu,
             const int32_t *il, const int32_t *iu, const double *abstol, int32_t *m,
             double *w, double *z, const int32_t *ldz, int32_t *isuppz,
             double *work, const int32_t *lwork, int32_t *iwork, const int32_t *liwork,
             int32_t *info, size_t jobz_len, size_t range_len, size_t uplo_len);

/// Singular value decomposition by divide and conquer.
void dgesdd_(const char *jobz, const int32_t *m, const int32_t *n, double *a,
             const int32_t *lda, double *s, double *u, const int32_t *ldu,
             double *vt, const int32_t *ldvt, double *work, const int32_t *lwork,
             int32_t *iwork, int32_t *info, size_t jobz_len);

/// Eigenvalues and optionally eigenvectors of a real symmetric tridiagonal matrix (MRRR).
void dstevr_(const char *jobz, const char *range, const int32_t *n, double *d, double *e,
             const double *vl, const double *vu, const int32_t *il, const int32_t *iu,
             const double *abstol, int32_t *m, double *w, double *z, const int32_t *ldz,
             int32_t *isuppz, double *work, const int32_t *lwork, int32_t *iwork,
             const int32_t *liwork, int32_t *info, size_t jobz_len, size_t range_len);

/// Least squares by QR or LQ factorisation.
void dgels_(const char *trans, const int32_t *m, const int32_t *n, const int32_t *nrhs,
            double *a, const int32_t *lda, double *b, const int32_t *ldb, double *work,
            const int32_t *lwork, int32_t *info, size_t trans_len);

#endif
