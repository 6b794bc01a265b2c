import { describe, expect, it } from 'vitest';
import { farWeightShare, glaAttentionMap, mulberry32, softmaxAttentionMap } from '../../lib/index.js';

const L = 12,
  K = 4,
  V = 3;
const rng = mulberry32(42);
const rand = (n: number, f = () => rng() * 2 - 1) => Float64Array.from({ length: n }, f);
const q = rand(L * K),
  k = rand(L * K),
  v = rand(L * V),
  gk = rand(L * K, () => -0.5 * rng());

/** A [L, L] times v [L, V]. */
const apply = (A: Float64Array) =>
  Float64Array.from({ length: L * V }, (_, i) => {
    const t = Math.floor(i / V),
      c = i % V;
    let s = 0;
    for (let j = 0; j < L; j++) s += A[t * L + j]! * v[j * V + c]!;
    return s;
  });

describe('attention maps', () => {
  it('GLA map x V equals the recurrence S_t = diag(exp(gk_t)) S_{t-1} + k_t^T v_t, o_t = scale q_t S_t', () => {
    const out = apply(glaAttentionMap({ q, k, gk, L, K }));
    const S = new Float64Array(K * V);
    for (let t = 0; t < L; t++) {
      for (let a = 0; a < K; a++)
        for (let c = 0; c < V; c++) S[a * V + c] = Math.exp(gk[t * K + a]!) * S[a * V + c]! + k[t * K + a]! * v[t * V + c]!;
      for (let c = 0; c < V; c++) {
        let o = 0;
        for (let a = 0; a < K; a++) o += q[t * K + a]! * S[a * V + c]!;
        expect(out[t * V + c]).toBeCloseTo(o / Math.sqrt(K), 12);
      }
    }
  });

  it('softmax rows sum to 1 over exactly the keys in the window, counting the query itself', () => {
    const w = 3;
    const A = softmaxAttentionMap({ q, k, L, K }, w);
    for (let t = 0; t < L; t++) {
      let sum = 0;
      for (let s = 0; s < L; s++) {
        const visible = s <= t && t - s < w;
        if (!visible) expect(A[t * L + s]).toBe(0);
        else expect(A[t * L + s]).toBeGreaterThan(0);
        sum += A[t * L + s]!;
      }
      expect(sum).toBeCloseTo(1, 12);
    }
    expect(farWeightShare(A, L, w - 1)).toBe(0);
    expect(farWeightShare(softmaxAttentionMap({ q, k, L, K }), L, w - 1)).toBeGreaterThan(0);
  });

  it('a stronger decay moves GLA weight towards recent keys', () => {
    const weak = glaAttentionMap({ q, k, gk: gk.map(() => -0.01), L, K });
    const strong = glaAttentionMap({ q, k, gk: gk.map(() => -2), L, K });
    expect(farWeightShare(strong, L, 2)).toBeLessThan(farWeightShare(weak, L, 2));
  });

  it('rejects bad shapes and windows, naming them', () => {
    expect(() => softmaxAttentionMap({ q, k: k.slice(1), L, K })).toThrow(/expected k of length L\*K = 48, got 47/);
    expect(() => glaAttentionMap({ q, k, L, K })).toThrow(/expected gk of length/);
    expect(() => softmaxAttentionMap({ q, k, L, K }, 0)).toThrow(/window must be >= 1, got 0/);
  });
});
