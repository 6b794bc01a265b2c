/**
 * Softmax attention with learnable sink tokens (report §2.2, SpikingBrain-76B: 128 trainable
 * embeddings prepended to the input, attended by every token, attending each other without a causal
 * mask). The sinks' own outputs are discarded and their keys and values depend only on the sinks, so
 * a layer needs just their keys and values: every query sees all S sinks plus its causal (windowed)
 * keys, under one softmax. Written with an explicit mask (the ops' softmaxAttention has no sink
 * input); with S = 0 it is plain causal / sliding-window attention, which tests use as a cross-check.
 */
import * as tf from '@tensorflow/tfjs';
import { repeatKv } from './module.js';

export interface SinkAttentionOptions {
  /** keys attended counting self (sliding window), or null for full causal attention */
  window: number | null;
  /** softmax scale, default K^-0.5 */
  scale?: number;
}

/** The additive mask [Lq, Lk]: 0 where query i (aligned to the end of the keys) may see key j, -1e9 elsewhere. */
export function causalWindowMask(Lq: number, Lk: number, window: number | null): tf.Tensor2D {
  const m = new Float32Array(Lq * Lk);
  const shift = Lk - Lq;
  for (let i = 0; i < Lq; i++) {
    const qi = i + shift;
    for (let j = 0; j < Lk; j++) {
      const visible = j <= qi && (window === null || qi - j < window);
      m[i * Lk + j] = visible ? 0 : -1e9;
    }
  }
  return tf.tensor2d(m, [Lq, Lk]);
}

/**
 * q [B, H, Lq, K]; k, v [B, Hkv, Lk, K|V]; sinkK, sinkV [1 | B, Hkv, S, K|V] (S may be 0).
 * Returns [B, H, Lq, V].
 */
export function sinkAttention(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  sinkK: tf.Tensor4D | null,
  sinkV: tf.Tensor4D | null,
  o: SinkAttentionOptions,
): tf.Tensor4D {
  const [B, H, Lq, K] = q.shape;
  const [, Hkv, Lk] = k.shape;
  if (H % Hkv !== 0) throw new RangeError(`q heads (${H}) must be a multiple of k heads (${Hkv})`);
  if (Lq > Lk) throw new RangeError(`expected Lq <= Lk, got Lq = ${Lq}, Lk = ${Lk}`);
  if (o.window !== null && (!Number.isInteger(o.window) || o.window < 1))
    throw new RangeError(`window must be an integer >= 1 or null, got ${o.window}`);
  const scale = o.scale ?? 1 / Math.sqrt(K);
  const rep = H / Hkv;
  return tf.tidy(() => {
    const kr = repeatKv(k, rep);
    const vr = repeatKv(v, rep);
    let scores = tf.add(tf.mul(tf.matMul(q, kr, false, true), scale), causalWindowMask(Lq, Lk, o.window));
    let values = vr;
    const S = sinkK ? sinkK.shape[2] : 0;
    if (sinkK && sinkV && S > 0) {
      const sk = repeatKv(tf.broadcastTo(sinkK, [B, Hkv, S, K]) as tf.Tensor4D, rep);
      const sv = repeatKv(tf.broadcastTo(sinkV, [B, Hkv, S, sinkV.shape[3]]) as tf.Tensor4D, rep);
      scores = tf.concat([tf.mul(tf.matMul(q, sk, false, true), scale), scores], 3);
      values = tf.concat([sv, vr], 2);
    }
    return tf.matMul(tf.softmax(scores), values) as tf.Tensor4D;
  });
}
