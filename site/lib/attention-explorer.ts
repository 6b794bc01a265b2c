/**
 * The attention-map explorer's computation (build time and browser): the same seeded q/k seen by full
 * causal attention, a sliding window and gated linear attention with a chosen decay strength.
 */
import { glaAttentionMap, softmaxAttentionMap, farWeightShare } from '../../lib/analysis/attention-maps.js';
import { mulberry32 } from '../../lib/util/random.js';
import type { Limits } from './widget.js';

/** Stated beside the widget and checked before any work (L² weights per map, three maps). */
export const ATTENTION_LIMITS = {
  L: { min: 4, max: 64, integer: true },
  window: { min: 1, max: 64, integer: true },
  decay: { min: 0, max: 2 },
} satisfies Record<string, Limits>;

export interface AttentionExploration {
  L: number;
  window: number;
  decay: number;
  full: Float64Array;
  swa: Float64Array;
  gla: Float64Array;
  /** share of |weight| on keys beyond the window, per form */
  beyondWindow: { full: number; swa: number; gla: number };
}

const K = 8;

export function exploreAttention(L: number, window: number, decay: number, seed = 42): AttentionExploration {
  for (const [name, v] of [
    ['L', L],
    ['window', window],
    ['decay', decay],
  ] as const) {
    const l: Limits = ATTENTION_LIMITS[name];
    if (!(Number.isFinite(v) && v >= l.min && v <= l.max && (!l.integer || Number.isInteger(v)))) {
      throw new RangeError(`${name} must be ${l.integer ? 'an integer' : 'a number'} in [${l.min}, ${l.max}], got ${v}`);
    }
  }
  const rng = mulberry32(seed);
  const q = Float64Array.from({ length: L * K }, () => rng() * 2 - 1);
  const k = Float64Array.from({ length: L * K }, () => rng() * 2 - 1);
  // ReLU feature map on q and k, as the GLA layer applies; decay per channel in log space, scaled by `decay`
  const rq = q.map((x) => Math.max(0, x)),
    rk = k.map((x) => Math.max(0, x));
  const gk = Float64Array.from({ length: L * K }, () => -decay * (0.5 + rng()));
  const full = softmaxAttentionMap({ q, k, L, K });
  const swa = softmaxAttentionMap({ q, k, L, K }, window);
  const gla = glaAttentionMap({ q: rq, k: rk, gk, L, K });
  const d = window - 1;
  return {
    L,
    window,
    decay,
    full,
    swa,
    gla,
    beyondWindow: { full: farWeightShare(full, L, d), swa: farWeightShare(swa, L, d), gla: farWeightShare(gla, L, d) },
  };
}
