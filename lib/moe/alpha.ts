/**
 * MoE upcycling scale (report §3.2, eq. 18): with S shared experts always on and k of N routed
 * experts selected, the MoE activation is (S + k/N) times the dense one if every expert is the
 * dense FFN; scaling each expert's three weight matrices by alpha = (1/(S + k/N))^(1/3) is meant to
 * undo that, on the premise that the expert output scales with the cube of a common weight scale.
 */

function checkCounts(S: number, k: number, N: number): void {
  if (!Number.isInteger(S) || S < 0) throw new RangeError(`S (shared experts) must be an integer >= 0, got ${S}`);
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`N (routed experts) must be an integer >= 1, got ${N}`);
  if (!Number.isInteger(k) || k < 0 || k > N) throw new RangeError(`k (active routed experts) must be an integer in [0, N = ${N}], got ${k}`);
  if (S === 0 && k === 0) throw new RangeError('S and k cannot both be 0: no expert would be active');
}

/** The activation amplification S + k/N of copied experts (eq. 18). */
export function moeAmplification(S: number, k: number, N: number): number {
  checkCounts(S, k, N);
  return S + k / N;
}

/** alpha = (1 / (S + k/N))^(1/3), eq. 18. */
export function upcycleAlpha(S: number, k: number, N: number): number {
  return Math.cbrt(1 / moeAmplification(S, k, N));
}
