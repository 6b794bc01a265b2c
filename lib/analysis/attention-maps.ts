/**
 * What each attention form lets a query see (report §2.1, §3.1): the implied [L, L] weight matrix of
 * one head for full causal softmax attention, sliding-window softmax attention (w keys counting the
 * query itself) and gated linear attention, whose weights are q_t · (decay from s to t) · k_s:
 *   A[t, s] = scale · Σ_k q_t[k] k_s[k] exp(Σ_{r=s+1..t} gk_r[k])   for s ≤ t.
 * Plain arrays, no tfjs, so the site's explorer runs anywhere; A × V equals each op's output (tested).
 */
import { checkInteger } from '../util/validate.js';

export interface AttentionMapInput {
  /** queries [L, K], row-major */
  q: ArrayLike<number>;
  /** keys [L, K] */
  k: ArrayLike<number>;
  /** log-space decay per key channel [L, K] (GLA only; <= 0) */
  gk?: ArrayLike<number>;
  L: number;
  K: number;
  /** query scale; default K^-0.5 */
  scale?: number;
}

function check(name: string, a: ArrayLike<number> | undefined, n: number): void {
  if (!a || a.length !== n) throw new RangeError(`expected ${name} of length L*K = ${n}, got ${a?.length}`);
}

function checkDims(L: number, K: number): void {
  checkInteger('L', L, 1);
  checkInteger('K', K, 1);
}

/** Row-wise softmax of q·k scores over the keys each query may see; `window` = keys counting itself. */
export function softmaxAttentionMap(x: AttentionMapInput, window = Infinity): Float64Array {
  const { L, K } = x;
  checkDims(L, K);
  check('q', x.q, L * K);
  check('k', x.k, L * K);
  if (!(window >= 1)) throw new RangeError(`window must be >= 1, got ${window}`);
  const scale = x.scale ?? 1 / Math.sqrt(K);
  const A = new Float64Array(L * L);
  for (let t = 0; t < L; t++) {
    const first = Math.max(0, t - window + 1);
    let max = -Infinity;
    for (let s = first; s <= t; s++) {
      let dot = 0;
      for (let c = 0; c < K; c++) dot += x.q[t * K + c]! * x.k[s * K + c]!;
      A[t * L + s] = dot * scale;
      max = Math.max(max, A[t * L + s]!);
    }
    let sum = 0;
    for (let s = first; s <= t; s++) sum += A[t * L + s] = Math.exp(A[t * L + s]! - max);
    for (let s = first; s <= t; s++) A[t * L + s]! /= sum;
  }
  return A;
}

/** GLA's implied weights (unnormalised; they may be any sign). */
export function glaAttentionMap(x: AttentionMapInput): Float64Array {
  const { L, K } = x;
  checkDims(L, K);
  check('q', x.q, L * K);
  check('k', x.k, L * K);
  check('gk', x.gk, L * K);
  const scale = x.scale ?? 1 / Math.sqrt(K);
  const A = new Float64Array(L * L);
  // cumulative log decay per channel: D[t][c] = Σ_{r<=t} gk_r[c], so the decay from s to t is D[t] - D[s]
  const D = new Float64Array(L * K);
  for (let t = 0; t < L; t++) for (let c = 0; c < K; c++) D[t * K + c] = (t > 0 ? D[(t - 1) * K + c]! : 0) + x.gk![t * K + c]!;
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      let w = 0;
      for (let c = 0; c < K; c++) w += x.q[t * K + c]! * x.k[s * K + c]! * Math.exp(D[t * K + c]! - D[s * K + c]!);
      A[t * L + s] = w * scale;
    }
  }
  return A;
}

/** How far back a query's weight reaches: the share of |weight| on keys more than `distance` back. */
export function farWeightShare(A: ArrayLike<number>, L: number, distance: number): number {
  let far = 0,
    all = 0;
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      const w = Math.abs(A[t * L + s]!);
      all += w;
      if (t - s > distance) far += w;
    }
  }
  return all === 0 ? 0 : far / all;
}
