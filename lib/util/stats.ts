/** Small numeric summaries shared by notebooks, benchmarks and tests: median, relative deviation, rank correlation. */

/** The median of a non-empty list (the mean of the two middle values for an even length). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median needs at least one value');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Largest |a - b| relative to the largest |b| (the absolute one when b is all zeros). */
export function maxRelativeDeviation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length} vs ${b.length}`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return den === 0 ? num : num / den;
}

/** Ranks 1..n, ties sharing the mean of their ranks. */
export function ranks(xs: readonly number[]): number[] {
  return xs.map((x) => 1 + xs.filter((y) => y < x).length + (xs.filter((y) => y === x).length - 1) / 2);
}

/**
 * Spearman's rank correlation: Pearson's correlation of the ranks (ties share their mean rank),
 * from -1 (one falls as the other rises, monotonically) to 1; NaN when either list is constant.
 */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  if (xs.length !== ys.length) throw new RangeError(`xs and ys must have the same length, got ${xs.length} and ${ys.length}`);
  if (xs.length < 2) throw new RangeError(`spearman needs at least 2 pairs, got ${xs.length}`);
  const a = ranks(xs);
  const b = ranks(ys);
  const mean = (xs.length + 1) / 2; // the mean rank, ties or not
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (a[i]! - mean) * (b[i]! - mean);
    da += (a[i]! - mean) ** 2;
    db += (b[i]! - mean) ** 2;
  }
  return num / Math.sqrt(da * db);
}
