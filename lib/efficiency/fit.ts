/**
 * Fitting scaling curves (report §5.2, Table 7: "based on the fitted scaling curve, we conservatively
 * estimate a speedup of over 100x" at 4M tokens). Least squares fits of a power law (in log-log
 * space) and of polynomials, with the standard error of the exponent and prediction intervals, so
 * an extrapolation carries its uncertainty.
 */
import { checkInteger } from '../util/validate.js';

export interface PowerLawFit {
  /** y = coefficient * x^exponent */
  coefficient: number;
  exponent: number;
  /** standard error of the exponent (NaN with fewer than 3 points) */
  exponentStdError: number;
  /** residual standard deviation in natural-log space */
  logResidualStd: number;
  points: number;
  /** x values' log mean and spread, kept for prediction intervals */
  meanLogX: number;
  sxx: number;
}

function checkPoints(xs: readonly number[], ys: readonly number[], min: number): void {
  if (xs.length !== ys.length) throw new RangeError(`xs and ys must have the same length, got ${xs.length} and ${ys.length}`);
  if (xs.length < min) throw new RangeError(`need at least ${min} points, got ${xs.length}`);
}

/** Least squares fit of log y = log a + b log x; every x and y must be > 0. */
export function fitPowerLaw(xs: readonly number[], ys: readonly number[]): PowerLawFit {
  checkPoints(xs, ys, 2);
  xs.forEach((x, i) => {
    if (!(x > 0 && ys[i]! > 0 && Number.isFinite(x) && Number.isFinite(ys[i]!)))
      throw new RangeError(`x and y must be finite and > 0, got x[${i}] = ${x}, y[${i}] = ${ys[i]}`);
  });
  const lx = xs.map(Math.log),
    ly = ys.map(Math.log);
  const n = xs.length;
  const mx = lx.reduce((a, b) => a + b, 0) / n,
    my = ly.reduce((a, b) => a + b, 0) / n;
  let sxx = 0,
    sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (lx[i]! - mx) ** 2;
    sxy += (lx[i]! - mx) * (ly[i]! - my);
  }
  if (sxx === 0) throw new RangeError('xs must not all be equal');
  const b = sxy / sxx;
  const a = my - b * mx;
  let ssr = 0;
  for (let i = 0; i < n; i++) ssr += (ly[i]! - (a + b * lx[i]!)) ** 2;
  const s = n > 2 ? Math.sqrt(ssr / (n - 2)) : NaN;
  return { coefficient: Math.exp(a), exponent: b, exponentStdError: s / Math.sqrt(sxx), logResidualStd: s, points: n, meanLogX: mx, sxx };
}

export function predictPowerLaw(fit: PowerLawFit, x: number): number {
  return fit.coefficient * x ** fit.exponent;
}

/** Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom (beyond: 1.96). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function studentT975(df: number): number {
  checkInteger('df', df, 1);
  return df <= 30 ? T975[df - 1]! : 1.96;
}

/** 95 % prediction interval of a new observation at x (log-space t interval, mapped back). */
export function powerLawPredictionInterval(fit: PowerLawFit, x: number): { low: number; mid: number; high: number } {
  const mid = predictPowerLaw(fit, x);
  if (fit.points < 3) return { low: NaN, mid, high: NaN };
  const lx = Math.log(x);
  const half = studentT975(fit.points - 2) * fit.logResidualStd * Math.sqrt(1 + 1 / fit.points + (lx - fit.meanLogX) ** 2 / fit.sxx);
  return { low: mid * Math.exp(-half), mid, high: mid * Math.exp(half) };
}

/** Least squares polynomial fit y = c0 + c1 x + ... + cd x^d (normal equations; small d only). */
export function fitPolynomial(xs: readonly number[], ys: readonly number[], degree: number): number[] {
  checkInteger('degree', degree, 0, 4);
  checkPoints(xs, ys, degree + 1);
  // scale x to [0, 1] for conditioning, then unscale the coefficients
  const scale = Math.max(...xs.map(Math.abs)) || 1;
  const m = degree + 1;
  const A = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < xs.length; i++) {
    const t = xs[i]! / scale;
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) A[r]![c]! += t ** (r + c);
      A[r]![m]! += ys[i]! * t ** r;
    }
  }
  // Gauss-Jordan with partial pivoting
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(A[r]![col]!) > Math.abs(A[pivot]![col]!)) pivot = r;
    [A[col], A[pivot]] = [A[pivot]!, A[col]!];
    const p = A[col]![col]!;
    if (Math.abs(p) < 1e-300) throw new RangeError('the points do not determine the polynomial (repeated x values?)');
    for (let c = col; c <= m; c++) A[col]![c]! /= p;
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = A[r]![col]!;
      for (let c = col; c <= m; c++) A[r]![c]! -= f * A[col]![c]!;
    }
  }
  return A.map((row, r) => row[m]! / scale ** r);
}

export function evalPolynomial(coefficients: readonly number[], x: number): number {
  return coefficients.reduceRight((acc, c) => acc * x + c, 0);
}
