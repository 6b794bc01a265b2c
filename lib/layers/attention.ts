/**
 * Grouped-query softmax attention layer (report §2.1.1, eq. 1-2; the reference FlashAttention
 * module): q/k/v projections with bias, o_proj without, RoPE on q and k, num_key_value_heads < heads.
 * `window` (keys attended counting self) makes it SWA; null makes it full attention. With a cache it
 * decodes: SWA keeps a ring buffer of window - 1 past tokens, full attention a growing KV cache.
 * Optional sink tokens (SpikingBrain-76B) are learnable embeddings whose keys and values every query sees.
 */
import * as tf from '@tensorflow/tfjs';
import { softmaxAttention } from '../ops/index.js';
import { KVCache } from './cache.js';
import { Linear, type ProjectionRuntime } from './linear.js';
import { checkHeads, checkShape, mergeHeads, normalVariable, splitHeads, type Layer, type NamedVariable } from './module.js';
import { applyRope } from './rope.js';
import { sinkAttention } from './sinks.js';
import { checkInteger } from '../util/validate.js';

export interface AttentionLayerOptions {
  /** name prefix, e.g. `model.layers.1.attn` */
  name: string;
  /** model dim D (hidden_size) */
  hiddenSize: number;
  /** query heads H (num_attention_heads); head dim K = D / H */
  numHeads: number;
  /** key/value heads (num_key_value_heads), divides H */
  numKvHeads: number;
  /** keys attended counting self (SWA), or null for full causal attention */
  window: number | null;
  /** RoPE base (rope_theta) */
  ropeTheta: number;
  /** q/k/v projections with bias (true in the reference) */
  qkvBias?: boolean;
  /** learnable sink tokens prepended to every sequence (0 for none) */
  numSinkTokens?: number;
  /** with o_proj (false when an intra-layer hybrid owns the output projection) */
  outputProjection?: boolean;
  /** init std of projections */
  std: number;
  /** init std of o_proj */
  outStd: number;
  seed: number;
  runtime: ProjectionRuntime;
}

export class AttentionLayer implements Layer {
  readonly name: string;
  readonly numHeads: number;
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly window: number | null;
  readonly ropeTheta: number;
  readonly q: Linear;
  readonly k: Linear;
  readonly v: Linear;
  readonly o: Linear | null;
  /** [S, D] learnable sink embeddings, or null */
  readonly sinks: tf.Variable | null;

  constructor(o: AttentionLayerOptions) {
    this.name = o.name;
    const { D, H, Hkv } = checkHeads(o.name, o.hiddenSize, o.numHeads, o.numKvHeads);
    this.numHeads = H;
    this.numKvHeads = Hkv;
    if (o.window !== null) checkInteger(`${o.name}: window`, o.window, 1);
    this.headDim = D / this.numHeads;
    this.window = o.window;
    this.ropeTheta = o.ropeTheta;
    const kvDim = this.numKvHeads * this.headDim;
    const bias = o.qkvBias ?? true;
    const lin = (p: string, i: number, out: number, b: boolean, std: number) =>
      new Linear({ name: `${o.name}.${p}`, inFeatures: i, outFeatures: out, bias: b, std, seed: o.seed, runtime: o.runtime });
    this.q = lin('q_proj', D, D, bias, o.std);
    this.k = lin('k_proj', D, kvDim, bias, o.std);
    this.v = lin('v_proj', D, kvDim, bias, o.std);
    this.o = o.outputProjection === false ? null : lin('o_proj', D, D, false, o.outStd);
    const S = checkInteger(`${o.name}: numSinkTokens`, o.numSinkTokens ?? 0, 0);
    this.sinks = S > 0 ? normalVariable([S, D], o.std, o.seed, `${o.name}.sink_tokens`) : null;
  }

  /** A decoding cache for this layer: a ring buffer of window - 1 tokens, or a growing one. */
  createCache(): KVCache {
    return new KVCache(this.window === null ? null : this.window - 1);
  }

  /**
   * What heads() attends with for x [B, L, D] at position `offset`: q [B, H, L, K] and k [B, Hkv, L, K]
   * after RoPE, v [B, Hkv, L, K] (before any cache or sink tokens). Attention maps read it.
   */
  projections(x: tf.Tensor3D, offset = 0): { q: tf.Tensor4D; k: tf.Tensor4D; v: tf.Tensor4D } {
    return tf.tidy(() => ({
      q: applyRope(splitHeads(this.q.apply(x), this.numHeads), offset, this.ropeTheta),
      k: applyRope(splitHeads(this.k.apply(x), this.numKvHeads), offset, this.ropeTheta),
      v: splitHeads(this.v.apply(x), this.numKvHeads),
    }));
  }

  /** Per-head outputs [B, H, L, K] before o_proj, for x [B, L, D]; with a cache, x are the next tokens. */
  heads(x: tf.Tensor3D, cache?: KVCache): tf.Tensor4D {
    checkShape('x', x, '[B, L, D]', [null, null, this.q.inFeatures]);
    return tf.tidy(() => {
      const S = this.sinks ? this.sinks.shape[0]! : 0;
      const offset = S + (cache ? cache.seen : 0);
      const p = this.projections(x, offset);
      const q = p.q;
      let { k, v } = p;
      if (cache) ({ keys: k, values: v } = cache.append(k, v));
      if (this.sinks) {
        const s3 = tf.expandDims(this.sinks, 0) as tf.Tensor3D;
        const sk = applyRope(splitHeads(this.k.apply(s3), this.numKvHeads), 0, this.ropeTheta);
        const sv = splitHeads(this.v.apply(s3), this.numKvHeads);
        return sinkAttention(q, k, v, sk, sv, { window: this.window });
      }
      return softmaxAttention(q, k, v, this.window === null ? { causal: true } : { causal: true, window: this.window });
    });
  }

  /** x [B, L, D] -> [B, L, D]. */
  apply(x: tf.Tensor3D, cache?: KVCache): tf.Tensor3D {
    if (!this.o) throw new Error(`${this.name}: built without o_proj; use heads()`);
    return tf.tidy(() => this.o!.apply(mergeHeads(this.heads(x, cache))));
  }

  parameters(): NamedVariable[] {
    const out = [...this.q.parameters(), ...this.k.parameters(), ...this.v.parameters(), ...(this.o ? this.o.parameters() : [])];
    if (this.sinks) out.push([`${this.name}.sink_tokens`, this.sinks]);
    return out;
  }

  dispose(): void {
    for (const l of [this.q, this.k, this.v, this.o]) l?.dispose();
    this.sinks?.dispose();
  }
}
