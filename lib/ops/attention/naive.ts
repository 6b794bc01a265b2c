/**
 * Plain reference for softmax attention (report §3.1: the full-attention layers and the
 * sliding-window attention of the hybrid models), in float64 loops on flat arrays. It is the
 * yardstick for the tfjs fast path (attention/blocked.ts), not a fast path itself.
 *
 *   o_i = Σ_j softmax_j(scale · q_i·k_j + mask_ij) v_j
 *
 * with query i at key position P + i (P = Lk − Lq, queries aligned to the end of the keys) and, when
 * causal, key j allowed iff P + i − window < j ≤ P + i (window counts the query's own position).
 * Grouped-query attention: query head h reads key/value head floor(h / (H / Hkv)).
 */

/** Sizes of the flat arrays: q is [B, H, Lq, K], k is [B, Hkv, Lk, K], v is [B, Hkv, Lk, V]. */
export interface NaiveAttentionDims {
  B: number;
  H: number;
  Lq: number;
  K: number;
  /** key/value heads (default H) */
  Hkv?: number;
  /** key length (default Lq) */
  Lk?: number;
  /** value dim (default K) */
  V?: number;
}

export interface NaiveAttentionOptions {
  /** mask keys after the query's position (default false; implied by `window`) */
  causal?: boolean;
  /** keys attended, counting the query's own position (causal only; default: all) */
  window?: number;
  /** score scale (default K^-0.5) */
  scale?: number;
}

/** Softmax attention on flat row-major arrays; returns o as a flat [B, H, Lq, V] Float64Array. */
export function naiveSoftmaxAttention(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  dims: NaiveAttentionDims,
  options: NaiveAttentionOptions = {},
): Float64Array {
  const { B, H, Lq, K } = dims;
  const Hkv = dims.Hkv ?? H;
  const Lk = dims.Lk ?? Lq;
  const V = dims.V ?? K;
  const causal = options.causal ?? options.window !== undefined;
  const window = options.window ?? Infinity;
  if (!causal && options.window !== undefined) throw new RangeError('naiveSoftmaxAttention: a sliding window needs causal attention');
  const scale = options.scale ?? 1 / Math.sqrt(K);
  if (H % Hkv !== 0) throw new RangeError(`naiveSoftmaxAttention: H=${H} is not a multiple of Hkv=${Hkv}`);
  if (causal && Lq > Lk) throw new RangeError(`naiveSoftmaxAttention: causal needs Lq <= Lk, got Lq=${Lq}, Lk=${Lk}`);
  checkLength('q', q, B * H * Lq * K);
  checkLength('k', k, B * Hkv * Lk * K);
  checkLength('v', v, B * Hkv * Lk * V);
  const group = H / Hkv;
  const offset = causal ? Lk - Lq : 0;
  const out = new Float64Array(B * H * Lq * V);
  const scores = new Float64Array(Lk);
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < H; h++) {
      const kvHead = b * Hkv + Math.floor(h / group);
      const qBase = (b * H + h) * Lq * K;
      const kBase = kvHead * Lk * K;
      const vBase = kvHead * Lk * V;
      for (let i = 0; i < Lq; i++) {
        const pos = offset + i;
        const first = causal ? Math.max(0, pos - window + 1) : 0;
        const last = causal ? pos : Lk - 1;
        let max = -Infinity;
        for (let j = first; j <= last; j++) {
          let s = 0;
          for (let d = 0; d < K; d++) s += q[qBase + i * K + d]! * k[kBase + j * K + d]!;
          scores[j] = s * scale;
          if (scores[j]! > max) max = scores[j]!;
        }
        let denom = 0;
        for (let j = first; j <= last; j++) {
          scores[j] = Math.exp(scores[j]! - max);
          denom += scores[j]!;
        }
        const oBase = ((b * H + h) * Lq + i) * V;
        for (let j = first; j <= last; j++) {
          const p = scores[j]! / denom;
          for (let e = 0; e < V; e++) out[oBase + e] += p * v[vBase + j * V + e]!;
        }
      }
    }
  }
  return out;
}

export function checkLength(name: string, x: ArrayLike<number>, expected: number): void {
  if (x.length !== expected) throw new RangeError(`expected ${name} to hold ${expected} values, got ${x.length}`);
}
