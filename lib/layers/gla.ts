/**
 * Gated linear attention layer (report §2.2, eq. 10-11; the reference GatedLinearAttention of
 * SpikingBrain-7B): q/k/v projections with bias, a ReLU feature map on q and k, a low-rank gate
 * (hidden -> 16 -> kv dim) turned into a log-space decay logsigmoid(·)/16, k, v and the decay shared
 * across a group of query heads (GQA), an RMSNorm per head on the output, o_proj without bias.
 * The SpikingBrain-76B variant ties the gate to the key, g_t = 1 - k_t, with a sigmoid feature map.
 * With a cache it decodes from the recurrent state S_t [B, H, K, V].
 */
import * as tf from '@tensorflow/tfjs';
import { gatedLinearAttention } from '../ops/index.js';
import { RecurrentCache } from './cache.js';
import { Linear, type ProjectionRuntime } from './linear.js';
import { checkHeads, checkShape, logSigmoid, mergeHeads, repeatKv, splitHeads, type Layer, type NamedVariable } from './module.js';
import { RMSNorm } from './rmsnorm.js';
import { checkInteger } from '../util/validate.js';

export interface GLALayerOptions {
  /** name prefix, e.g. `model.layers.0.attn` */
  name: string;
  /** model dim D; the query/key dim is D as well (key_dim = hidden_size) */
  hiddenSize: number;
  /** query heads H; head dim K = V = D / H */
  numHeads: number;
  /** key/value heads, divides H */
  numKvHeads: number;
  /** feature map on q and k: 'relu' (7B) or 'sigmoid' (76B) */
  featureMap?: 'relu' | 'sigmoid';
  /** the decay: 'low_rank' (7B: gk_proj hidden -> r -> kv dim, logsigmoid / normalizer) or 'key' (76B: g = 1 - k) */
  gate?: 'low_rank' | 'key';
  /** rank r of the low-rank gate (gate_low_rank_dim: 16) */
  gateLowRankDim?: number;
  /** divisor of logsigmoid in the low-rank gate (gate_logit_normalizer: 16) */
  gateLogitNormalizer?: number;
  /** eps of the per-head output RMSNorm (norm_eps) */
  normEps: number;
  /** kernel for sequences longer than one token; single tokens always use 'recurrent' */
  mode?: 'chunk' | 'recurrent';
  /** chunk size of the chunk form */
  chunkSize?: number;
  /** with o_proj (false when an intra-layer hybrid owns the output projection) */
  outputProjection?: boolean;
  std: number;
  outStd: number;
  seed: number;
  runtime: ProjectionRuntime;
}

export class GLALayer implements Layer {
  readonly name: string;
  readonly numHeads: number;
  readonly numKvHeads: number;
  readonly headDim: number;
  readonly featureMap: 'relu' | 'sigmoid';
  readonly gate: 'low_rank' | 'key';
  readonly gateLogitNormalizer: number;
  readonly mode: 'chunk' | 'recurrent';
  readonly chunkSize: number | undefined;
  readonly q: Linear;
  readonly k: Linear;
  readonly v: Linear;
  /** gk_proj.0 (D -> r, no bias) and gk_proj.1 (r -> kv dim, bias); empty for the key-tied gate */
  readonly gk: Linear[];
  readonly gNorm: RMSNorm;
  readonly o: Linear | null;

  constructor(o: GLALayerOptions) {
    this.name = o.name;
    const { D, H, Hkv } = checkHeads(o.name, o.hiddenSize, o.numHeads, o.numKvHeads);
    this.numHeads = H;
    this.numKvHeads = Hkv;
    this.featureMap = o.featureMap ?? 'relu';
    this.gate = o.gate ?? 'low_rank';
    if (this.featureMap !== 'relu' && this.featureMap !== 'sigmoid')
      throw new RangeError(`${o.name}: featureMap must be 'relu' or 'sigmoid', got ${String(o.featureMap)}`);
    if (this.gate !== 'low_rank' && this.gate !== 'key')
      throw new RangeError(`${o.name}: gate must be 'low_rank' or 'key', got ${String(o.gate)}`);
    // 1 - k is a decay in (0, 1) only when k is
    if (this.gate === 'key' && this.featureMap !== 'sigmoid')
      throw new RangeError(`${o.name}: gate 'key' (g = 1 - k) needs featureMap 'sigmoid', got '${this.featureMap}'`);
    this.gateLogitNormalizer = o.gateLogitNormalizer ?? 16;
    if (!(this.gateLogitNormalizer > 0)) throw new RangeError(`${o.name}: gateLogitNormalizer must be > 0, got ${o.gateLogitNormalizer}`);
    this.mode = o.mode ?? 'chunk';
    this.chunkSize = o.chunkSize;
    this.headDim = D / this.numHeads;
    const kvDim = this.numKvHeads * this.headDim;
    const lin = (p: string, i: number, out: number, b: boolean, std: number) =>
      new Linear({ name: `${o.name}.${p}`, inFeatures: i, outFeatures: out, bias: b, std, seed: o.seed, runtime: o.runtime });
    this.q = lin('q_proj', D, D, true, o.std);
    this.k = lin('k_proj', D, kvDim, true, o.std);
    this.v = lin('v_proj', D, kvDim, true, o.std);
    const r = checkInteger(`${o.name}: gateLowRankDim`, o.gateLowRankDim ?? 16, 1);
    this.gk = this.gate === 'low_rank' ? [lin('gk_proj.0', D, r, false, o.std), lin('gk_proj.1', r, kvDim, true, o.std)] : [];
    this.gNorm = new RMSNorm(`${o.name}.g_norm`, this.headDim, o.normEps);
    this.o = o.outputProjection === false ? null : lin('o_proj', D, D, false, o.outStd);
  }

  createCache(): RecurrentCache {
    return new RecurrentCache();
  }

  /**
   * The GLA op's inputs for x [B, L, D], per query head [B, H, L, K]: feature-mapped q and k, v, and the
   * log-space decay gk (what heads() feeds the op; attention maps read it).
   */
  projections(x: tf.Tensor3D): { q: tf.Tensor4D; k: tf.Tensor4D; v: tf.Tensor4D; gk: tf.Tensor4D } {
    return tf.tidy(() => {
      const fm = (t: tf.Tensor3D) => (this.featureMap === 'relu' ? tf.relu(t) : tf.sigmoid(t));
      const rep = this.numHeads / this.numKvHeads;
      const kPre = this.k.apply(x);
      const q = splitHeads(fm(this.q.apply(x)), this.numHeads);
      const k = repeatKv(splitHeads(fm(kPre), this.numKvHeads), rep);
      const v = repeatKv(splitHeads(this.v.apply(x), this.numKvHeads), rep);
      // log-space decay: logsigmoid(W1 W0 x + b) / 16, or log(1 - sigmoid(k)) = logsigmoid(-k)
      const gkPre =
        this.gate === 'low_rank'
          ? tf.div(logSigmoid(this.gk[1]!.apply(this.gk[0]!.apply(x))), this.gateLogitNormalizer)
          : logSigmoid(tf.neg(kPre));
      const gk = repeatKv(splitHeads(gkPre as tf.Tensor3D, this.numKvHeads), rep);
      return { q, k, v, gk };
    });
  }

  /** Normalised per-head outputs [B, H, L, V] before o_proj, for x [B, L, D]; with a cache, x are the next tokens. */
  heads(x: tf.Tensor3D, cache?: RecurrentCache): tf.Tensor4D {
    checkShape('x', x, '[B, L, D]', [null, null, this.q.inFeatures]);
    const L = x.shape[1];
    return tf.tidy(() => {
      const { q, k, v, gk } = this.projections(x);
      const mode = L === 1 ? 'recurrent' : this.mode;
      const opts: { mode: 'chunk' | 'recurrent'; chunkSize?: number; initialState?: tf.Tensor4D } = { mode };
      if (this.chunkSize !== undefined) opts.chunkSize = this.chunkSize;
      if (cache?.state) opts.initialState = cache.state;
      const { output, finalState } = gatedLinearAttention(q, k, v, gk, opts);
      if (cache) cache.update(finalState, L);
      return this.gNorm.apply(output);
    });
  }

  /** x [B, L, D] -> [B, L, D]. */
  apply(x: tf.Tensor3D, cache?: RecurrentCache): tf.Tensor3D {
    if (!this.o) throw new Error(`${this.name}: built without o_proj; use heads()`);
    return tf.tidy(() => this.o!.apply(mergeHeads(this.heads(x, cache))));
  }

  parameters(): NamedVariable[] {
    return [
      ...this.q.parameters(),
      ...this.k.parameters(),
      ...this.v.parameters(),
      ...this.gk.flatMap((l) => l.parameters()),
      ...this.gNorm.parameters(),
      ...(this.o ? this.o.parameters() : []),
    ];
  }

  dispose(): void {
    for (const l of [this.q, this.k, this.v, ...this.gk, this.gNorm, this.o]) l?.dispose();
  }
}
