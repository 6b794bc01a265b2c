/**
 * Attention and decay maps of the live page (issue 15; report §2.1 attention forms, Table 12 S-NIAH):
 * for a token sequence, each layer's q, k, v (and GLA log decay gk) as the model's forward computes
 * them (one forward with a projection hook catches every block's normalised input, then the layers'
 * own projections() recompute what they attend with), the implied weights of the answering query
 * token over every earlier position (lib/analysis/attention-maps.ts: softmax inside the window for
 * SWA and full attention, q_t · decay(s→t) · k_s for GLA), and which layer retrieves a needle: the
 * layer/head whose share of |weight| within `radius` tokens of the needle's value is largest.
 */
import * as tf from '@tensorflow/tfjs';
import { glaAttentionMap, softmaxAttentionMap } from '../analysis/attention-maps.js';
import { AttentionLayer } from '../layers/attention.js';
import { GLALayer } from '../layers/gla.js';
import { ParallelHybridAttention } from '../layers/hybrid.js';
import type { SpikingBrainModel } from '../models/model.js';

export type MapKind = 'gla' | 'swa' | 'full';

/** One attention branch of one layer, per query head: q, k, v, gk as [L, K] row-major arrays. */
export interface CapturedAttention {
  layer: number;
  kind: MapKind;
  /** keys a query sees counting itself (SWA), else null */
  window: number | null;
  L: number;
  K: number;
  /** the block's normalised input [L, D] (what the projections read) */
  input: Float32Array;
  D: number;
  q: Float32Array[];
  k: Float32Array[];
  v: Float32Array[];
  /** GLA only: log-space decay per head */
  gk: Float32Array[] | null;
}

/** Runs `ids` through the model (no cache) and returns every attention branch's q, k, v, gk. */
export function captureAttention(model: SpikingBrainModel, ids: readonly number[]): CapturedAttention[] {
  if (!Array.isArray(ids) || ids.length < 1) throw new RangeError('ids must hold at least one token id');
  const inputs = new Map<number, tf.Tensor2D>();
  const rt = model.runtime;
  const saved = { hook: rt.hook, countsHook: rt.countsHook };
  const out: CapturedAttention[] = [];
  try {
    rt.countsHook = null;
    rt.hook = (name, x) => {
      const m = /^model\.layers\.(\d+)\.attn\.(?:la\.|sa\.)?q_proj$/.exec(name);
      if (m && !inputs.has(Number(m[1]))) inputs.set(Number(m[1]), tf.keep(tf.clone(x)));
    };
    tf.tidy(() => {
      model.forward([[...ids]]);
    });
    rt.hook = null;
    model.blocks.forEach((block, i) => {
      const x = inputs.get(i);
      if (!x) throw new Error(`captureAttention: layer ${i}'s attention input was not seen`);
      const a = block.attn;
      const branches = a instanceof ParallelHybridAttention ? [a.la, a.sa] : [a];
      for (const b of branches) out.push(captureBranch(i, b, x));
    });
  } finally {
    rt.hook = saved.hook;
    rt.countsHook = saved.countsHook;
    for (const t of inputs.values()) t.dispose();
  }
  return out;
}

function captureBranch(layer: number, a: GLALayer | AttentionLayer, x: tf.Tensor2D): CapturedAttention {
  const [L, D] = x.shape;
  if (a instanceof AttentionLayer && a.sinks)
    throw new Error(`captureAttention: layer ${layer} has sink tokens, which the maps do not show`);
  let arrays: Pick<CapturedAttention, 'q' | 'k' | 'v' | 'gk'> | null = null;
  tf.tidy(() => {
    const x3 = tf.reshape(x, [1, L, D]) as tf.Tensor3D;
    const p = a instanceof GLALayer ? a.projections(x3) : { ...a.projections(x3), gk: null };
    const heads = (t: tf.Tensor4D | null, H: number) =>
      t ? tf.unstack(tf.reshape(t, [H, L, -1])).map((h) => h.dataSync() as Float32Array) : null;
    const Hq = a.numHeads;
    const Hk = p.k.shape[1];
    const rep = Hq / Hk;
    // query head h reads kv head floor(h / rep) (GQA, as the ops do)
    const perQuery = (hs: Float32Array[]) => Array.from({ length: Hq }, (_, h) => hs[Math.floor(h / rep)]!);
    arrays = { q: heads(p.q, Hq)!, k: perQuery(heads(p.k, Hk)!), v: perQuery(heads(p.v, Hk)!), gk: heads(p.gk, Hq) };
  });
  const { q, k, v, gk } = arrays!;
  const kind: MapKind = a instanceof GLALayer ? 'gla' : a.window === null ? 'full' : 'swa';
  const window = a instanceof AttentionLayer ? a.window : null;
  return { layer, kind, window, L, K: a.headDim, input: x.dataSync() as Float32Array, D, q, k, v, gk };
}

/** The [L, L] map of one head (rows: queries; GLA weights unnormalised, any sign). */
export function headMap(c: CapturedAttention, head: number): Float64Array {
  const x = { q: c.q[head]!, k: c.k[head]!, L: c.L, K: c.K };
  return c.kind === 'gla' ? glaAttentionMap({ ...x, gk: c.gk![head]! }) : softmaxAttentionMap(x, c.window ?? Infinity);
}

export interface QueryRow {
  layer: number;
  head: number;
  kind: MapKind;
  window: number | null;
  /** the query's weight on each position 0..query (0 outside an SWA window) */
  weights: number[];
  /** |weight| / Σ|weight| per position */
  share: number[];
  /** share within the retriever's radius of the needle (set by attentionView when there is a needle) */
  near?: number;
}

/** The answering query's row (default: the last token) of every head of every captured layer. */
export function queryRows(captured: CapturedAttention[], query?: number): QueryRow[] {
  return captured.flatMap((c) => {
    const t = query ?? c.L - 1;
    if (!Number.isInteger(t) || t < 0 || t >= c.L) throw new RangeError(`query must be an integer in [0, ${c.L - 1}], got ${query}`);
    return c.q.map((_, head) => {
      const A = headMap(c, head);
      const weights = Array.from(A.subarray(t * c.L, t * c.L + t + 1));
      const total = weights.reduce((s, w) => s + Math.abs(w), 0);
      return {
        layer: c.layer,
        head,
        kind: c.kind,
        window: c.window,
        weights,
        share: weights.map((w) => (total ? Math.abs(w) / total : 0)),
      };
    });
  });
}

/** Share of a row's |weight| on positions within `radius` of `position`. */
export function shareNear(row: QueryRow, position: number, radius = 2): number {
  let s = 0;
  for (let p = Math.max(0, position - radius); p <= Math.min(row.share.length - 1, position + radius); p++) s += row.share[p]!;
  return s;
}

export interface Retriever {
  layer: number;
  head: number;
  kind: MapKind;
  /** share of |weight| within `radius` tokens of the needle */
  near: number;
  radius: number;
}

/**
 * The rule the page states: the layer/head with the largest share of |weight| within `radius` of the
 * needle, or null when no head puts even `minShare` there (then no layer retrieves it).
 */
export function retriever(rows: QueryRow[], needle: number, radius = 2, minShare = 0.01): Retriever | null {
  if (rows.length === 0) throw new RangeError('rows is empty');
  let best: Retriever | null = null;
  for (const r of rows) {
    const near = shareNear(r, needle, radius);
    if (!best || near > best.near) best = { layer: r.layer, head: r.head, kind: r.kind, near, radius };
  }
  return best!.near >= minShare ? best : null;
}

/** The needle's value in 09's marker format: the first digit right after a '#' (byte 35), not at the end. */
export function needlePosition(ids: readonly number[]): number | null {
  for (let p = 1; p < ids.length - 1; p++) if (ids[p - 1] === 35 && ids[p]! >= 48 && ids[p]! <= 57) return p;
  return null;
}

/** What the page draws for one model: every head's row for the last token, the needle, the retriever. */
export interface AttentionView {
  /** the answering query's position (the last token of ids) */
  query: number;
  /** the needle's value position, or null when the tokens hold no needle */
  needle: number | null;
  rows: QueryRow[];
  /** null without a needle, or when no head puts 1 % of its weight near it */
  retriever: Retriever | null;
  /** the radius of the rule */
  radius: number;
}

/** Captures the model's attention on ids and reads the last token's rows (the query that answers). */
export function attentionView(model: SpikingBrainModel, ids: readonly number[], radius = 2): AttentionView {
  const rows = queryRows(captureAttention(model, ids));
  const needle = needlePosition(ids);
  if (needle !== null) for (const r of rows) r.near = shareNear(r, needle, radius);
  return { query: ids.length - 1, needle, rows, retriever: needle === null ? null : retriever(rows, needle, radius), radius };
}
