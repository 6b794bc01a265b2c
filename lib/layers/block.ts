/**
 * One decoder block (report §2.2, Fig. 3; the reference HybridBlock): pre-norm residual attention
 * then pre-norm residual FFN, x + attn(attn_norm(x)), then h + mlp(mlp_norm(h)). The attention is a
 * GLA, SWA or full-attention layer (inter-layer hybrid: one kind per block) or a parallel LA + SWA/FA
 * hybrid (intra-layer); the FFN is a SwiGLU or an MoE.
 */
import * as tf from '@tensorflow/tfjs';
import { AttentionLayer } from './attention.js';
import type { LayerCache } from './cache.js';
import { SwiGLU } from './ffn.js';
import { GLALayer } from './gla.js';
import { ParallelHybridAttention } from './hybrid.js';
import { MoE } from './moe.js';
import type { Layer, NamedVariable } from './module.js';
import { RMSNorm } from './rmsnorm.js';

export type Mixer = GLALayer | AttentionLayer | ParallelHybridAttention;
export type FeedForward = SwiGLU | MoE;

export class DecoderBlock implements Layer {
  constructor(
    readonly name: string,
    readonly attnNorm: RMSNorm,
    readonly attn: Mixer,
    readonly mlpNorm: RMSNorm,
    readonly mlp: FeedForward,
  ) {}

  createCache(): LayerCache {
    const a = this.attn;
    if (a instanceof GLALayer) return { recurrent: a.createCache() };
    if (a instanceof AttentionLayer) return { kv: a.createCache() };
    return a.createCache();
  }

  /** x [B, L, D] -> [B, L, D]; with a cache, x are the next tokens and the cache advances. */
  apply(x: tf.Tensor3D, cache?: LayerCache): tf.Tensor3D {
    return tf.tidy(() => {
      const a = this.attn;
      const h = this.attnNorm.apply(x);
      let y: tf.Tensor3D;
      if (a instanceof GLALayer) {
        if (cache && !cache.recurrent)
          throw new TypeError(`${this.name}: a GLA block needs a cache with a recurrent state (createCache())`);
        y = a.apply(h, cache?.recurrent);
      } else if (a instanceof AttentionLayer) {
        if (cache && !cache.kv) throw new TypeError(`${this.name}: an attention block needs a cache with a KV part (createCache())`);
        y = a.apply(h, cache?.kv);
      } else y = a.apply(h, cache);
      const r = tf.add(x, y);
      return tf.add(r, this.mlp.apply(this.mlpNorm.apply(r)));
    });
  }

  parameters(): NamedVariable[] {
    return [...this.attnNorm.parameters(), ...this.attn.parameters(), ...this.mlpNorm.parameters(), ...this.mlp.parameters()];
  }

  dispose(): void {
    this.attnNorm.dispose();
    this.attn.dispose();
    this.mlpNorm.dispose();
    this.mlp.dispose();
  }
}
