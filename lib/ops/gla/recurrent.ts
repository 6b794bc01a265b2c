/**
 * Gated linear attention, recurrent form in tfjs (report §3.1; the token-by-token recurrence that
 * also serves decoding with a constant-size state):
 *
 *   S_t = diag(exp(gk_t)) S_{t−1} + k_tᵀ v_t,    o_t = (scale · q_t) S_t
 *
 * One step per token, all heads at once. Exact but sequential: L steps of a few small ops each, so
 * prefill uses gla/chunk.ts. Reference: gla/naive.ts. Differentiable (concat, transpose, split,
 * reshape, mul, add, matMul; steps are cut as in pieces.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { blockReader } from '../pieces.js';

export interface GlaResult {
  /** [B, H, L, V] */
  output: tf.Tensor4D;
  /** state after the last token, [B, H, K, V] */
  finalState: tf.Tensor4D;
}

/** Recurrent GLA on validated tensors (initialState null means zeros). */
export function glaRecurrent(
  q: tf.Tensor4D,
  k: tf.Tensor4D,
  v: tf.Tensor4D,
  gk: tf.Tensor4D,
  initialState: tf.Tensor4D | null,
  scale: number,
): GlaResult {
  const [output, finalState] = tf.tidy(() => {
    const [B, H, L, K] = q.shape;
    const V = v.shape[3];
    const BH = B * H;
    const W = 3 * K + V;
    // one packed, time-major tensor [L, BH, W]; each step's q, k, decay, v are cut from it
    const packed = tf.concat([tf.mul(q, scale), k, tf.exp(gk), v], 3).reshape([BH, L, W]);
    const steps = blockReader(tf.transpose(packed, [1, 0, 2]));
    const cut = (t: number, offset: number, width: number, shape: number[]) =>
      steps.take([t, 0, offset], [1, BH, width], shape) as tf.Tensor3D;
    let state: tf.Tensor3D = initialState ? initialState.reshape([BH, K, V]) : tf.zeros([BH, K, V]);
    const outs: tf.Tensor3D[] = [];
    for (let t = 0; t < L; t++) {
      const previous = state;
      // one scope per step: only the new state and the step's output survive it
      const [next, out] = tf.tidy(() => {
        const decay = cut(t, 2 * K, K, [BH, K, 1]);
        // k_tᵀ v_t
        const written = tf.mul(cut(t, K, K, [BH, K, 1]), cut(t, 3 * K, V, [BH, 1, V])); // [BH, K, V]
        const s = tf.add(tf.mul(previous, decay), written) as tf.Tensor3D;
        return [s, tf.matMul(cut(t, 0, K, [BH, 1, K]), s) as tf.Tensor3D]; // [BH, 1, V]
      });
      // gradients keep their own copies of what they need, so the old state can go
      previous.dispose();
      state = next!;
      outs.push(out!);
    }
    const o = outs.length > 1 ? tf.concat(outs, 1) : outs[0]!;
    return [o.reshape([B, H, L, V]) as tf.Tensor4D, state.reshape([B, H, K, V]) as tf.Tensor4D];
  });
  return { output, finalState };
}
