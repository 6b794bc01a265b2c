/**
 * Plain reference for gated linear attention (report §3.1, the linear-attention layers of
 * SpikingBrain-7B; the recurrence of flash-linear-attention's naive_recurrent_gla), float64 loops on
 * flat arrays:
 *
 *   S_t = diag(exp(gk_t)) S_{t−1} + k_tᵀ v_t        S ∈ R^{K×V}, S_0 = initial state (or 0)
 *   o_t = (scale · q_t) S_t                          scale defaults to K^-0.5
 *
 * gk is the per-key-channel decay in log space (≤ 0 for a decay). No feature map here: the GLA layer
 * applies ReLU to q and k before calling the op. Yardstick for gla/recurrent.ts and gla/chunk.ts.
 */
import { checkLength } from '../attention/naive.js';

/** Sizes of the flat arrays: q, k, gk are [B, H, L, K], v is [B, H, L, V], states [B, H, K, V]. */
export interface NaiveGlaDims {
  B: number;
  H: number;
  L: number;
  K: number;
  /** value dim (default K) */
  V?: number;
}

export interface NaiveGlaOptions {
  /** S_0, flat [B, H, K, V] (default zeros) */
  initialState?: ArrayLike<number>;
  /** query scale (default K^-0.5) */
  scale?: number;
}

/** Gated linear attention on flat row-major arrays: output [B, H, L, V] and final state [B, H, K, V]. */
export function naiveGla(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  gk: ArrayLike<number>,
  dims: NaiveGlaDims,
  options: NaiveGlaOptions = {},
): { output: Float64Array; finalState: Float64Array } {
  const { B, H, L, K } = dims;
  const V = dims.V ?? K;
  const scale = options.scale ?? 1 / Math.sqrt(K);
  checkLength('q', q, B * H * L * K);
  checkLength('k', k, B * H * L * K);
  checkLength('gk', gk, B * H * L * K);
  checkLength('v', v, B * H * L * V);
  const state = new Float64Array(B * H * K * V);
  if (options.initialState) {
    checkLength('initialState', options.initialState, B * H * K * V);
    for (let i = 0; i < state.length; i++) state[i] = options.initialState[i]!;
  }
  const output = new Float64Array(B * H * L * V);
  for (let bh = 0; bh < B * H; bh++) {
    const s = bh * K * V;
    for (let t = 0; t < L; t++) {
      const qk = (bh * L + t) * K;
      const vo = (bh * L + t) * V;
      for (let a = 0; a < K; a++) {
        const decay = Math.exp(gk[qk + a]!);
        const ka = k[qk + a]!;
        for (let e = 0; e < V; e++) state[s + a * V + e] = decay * state[s + a * V + e]! + ka * v[vo + e]!;
      }
      for (let a = 0; a < K; a++) {
        const qa = scale * q[qk + a]!;
        for (let e = 0; e < V; e++) output[vo + e] += qa * state[s + a * V + e]!;
      }
    }
  }
  return { output, finalState: state };
}
