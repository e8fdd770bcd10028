/**
 * Gaussian copula helpers. A target Spearman ρ between two continuous inputs is met by a normal
 * copula with Pearson r = 2·sin(π·ρ/6) (Pearson 1907; Kruskal 1958), since for a bivariate normal
 * ρ_S = (6/π)·asin(r/2).
 */

/** Pearson correlation of the normal copula that yields Spearman ρ. */
export function spearmanToPearson(rho: number): number {
  return 2 * Math.sin((Math.PI * rho) / 6);
}

/** Spearman ρ of a normal copula with Pearson r. */
export function pearsonToSpearman(r: number): number {
  return (6 / Math.PI) * Math.asin(r / 2);
}

/**
 * Cholesky factor L (row-major, lower triangular, n×n) of a symmetric matrix; null when the matrix is
 * not positive definite.
 */
export function cholesky(m: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / l[j * n + j];
      }
    }
  }
  return l;
}
