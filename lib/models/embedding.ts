/**
 * The token embedding lookup of the training path (report §2.2: model.embeddings). tfjs-wasm has no
 * gradient kernel for gather (UnsortedSegmentSum), so the library used a one-hot × matrix product;
 * at training sizes that is a [tokens, vocab] one-hot, two matMuls and a transpose per step.
 * `embedLookup` gathers rows forward and scatter-adds the incoming gradient rows on the host
 * backward (one read of dy, exact sums per token); `embedOneHot` is its sibling and cross-check.
 */
import * as tf from '@tensorflow/tfjs';
import { matMul2D } from '../layers/index.js';

/** Rows of `table` [V, D] for int32 ids [N]; differentiable in `table` on every backend. */
export function embedLookup(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  const [V, D] = table.shape;
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [tbl, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([ids]);
    return {
      value: tf.gather(tbl, ids),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const idx = saved[0]!.dataSync();
        const d = dy.dataSync() as Float32Array;
        const out = new Float32Array(V * D);
        for (let r = 0; r < idx.length; r++) {
          const o = idx[r]! * D;
          const s = r * D;
          for (let j = 0; j < D; j++) out[o + j] += d[s + j]!;
        }
        return tf.tensor2d(out, [V, D]);
      },
    };
  });
  return op(table) as tf.Tensor2D;
}

/** The one-hot × matrix form of the same lookup (autodiff). */
export function embedOneHot(table: tf.Tensor2D, ids: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => matMul2D(tf.cast(tf.oneHot(ids, table.shape[0]), 'float32') as tf.Tensor2D, table));
}
