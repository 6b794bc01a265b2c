/**
 * Intra-layer parallel hybrid attention (report §2.1.1 eq. 6, §2.2 SpikingBrain-76B): linear attention
 * and softmax attention (SWA, or full attention on some layers) read the same input; each branch's
 * per-head output is normalised (the LA branch by its own g_norm, the softmax branch by sa_norm) so
 * both have one scale, the two are summed and one o_proj maps them back. The softmax branch may carry
 * learnable sink tokens. Branches have their own q/k/v (the report: "additional attention parameters").
 */
import * as tf from '@tensorflow/tfjs';
import { AttentionLayer, type AttentionLayerOptions } from './attention.js';
import type { LayerCache } from './cache.js';
import { KVCache, RecurrentCache } from './cache.js';
import { GLALayer, type GLALayerOptions } from './gla.js';
import { Linear } from './linear.js';
import { mergeHeads, type Layer, type NamedVariable } from './module.js';
import { RMSNorm } from './rmsnorm.js';

export interface ParallelHybridOptions {
  /** name prefix, e.g. `model.layers.0.attn`; branches are `.la` and `.sa` */
  name: string;
  /** options of the linear-attention branch (name and outputProjection are set here) */
  la: Omit<GLALayerOptions, 'name' | 'outputProjection'>;
  /** options of the softmax branch (name and outputProjection are set here) */
  sa: Omit<AttentionLayerOptions, 'name' | 'outputProjection'>;
}

export class ParallelHybridAttention implements Layer {
  readonly name: string;
  readonly la: GLALayer;
  readonly sa: AttentionLayer;
  readonly saNorm: RMSNorm;
  readonly o: Linear;

  constructor(o: ParallelHybridOptions) {
    this.name = o.name;
    if (o.la.hiddenSize !== o.sa.hiddenSize || o.la.numHeads !== o.sa.numHeads) {
      throw new RangeError(
        `${o.name}: branches must share hiddenSize and numHeads, got la ${o.la.hiddenSize}/${o.la.numHeads}, sa ${o.sa.hiddenSize}/${o.sa.numHeads}`,
      );
    }
    this.la = new GLALayer({ ...o.la, name: `${o.name}.la`, outputProjection: false });
    this.sa = new AttentionLayer({ ...o.sa, name: `${o.name}.sa`, outputProjection: false });
    this.saNorm = new RMSNorm(`${o.name}.sa_norm`, this.sa.headDim, o.la.normEps);
    const D = o.la.hiddenSize;
    this.o = new Linear({
      name: `${o.name}.o_proj`,
      inFeatures: D,
      outFeatures: D,
      bias: false,
      std: o.sa.outStd,
      seed: o.sa.seed,
      runtime: o.sa.runtime,
    });
  }

  createCache(): LayerCache {
    return { recurrent: this.la.createCache(), kv: this.sa.createCache() };
  }

  /** x [B, L, D] -> [B, L, D]: o_proj(norm(LA(x)) + norm(SA(x))). */
  apply(x: tf.Tensor3D, cache?: LayerCache): tf.Tensor3D {
    if (cache && (!(cache.recurrent instanceof RecurrentCache) || !(cache.kv instanceof KVCache))) {
      throw new TypeError(`${this.name}: expected a cache with recurrent and kv parts (createCache())`);
    }
    return tf.tidy(() => {
      const la = this.la.heads(x, cache?.recurrent);
      const sa = this.saNorm.apply(this.sa.heads(x, cache?.kv));
      return this.o.apply(mergeHeads(tf.add(la, sa)));
    });
  }

  parameters(): NamedVariable[] {
    return [...this.la.parameters(), ...this.sa.parameters(), ...this.saNorm.parameters(), ...this.o.parameters()];
  }

  dispose(): void {
    this.la.dispose();
    this.sa.dispose();
    this.saNorm.dispose();
    this.o.dispose();
  }
}
