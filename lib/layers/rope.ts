/**
 * Rotary position embedding (report §2.2: softmax layers only, theta = 1e6), the half-split form of
 * the reference (rotate_half): x·cos + rotate_half(x)·sin, frequencies theta^(-2i/K), i < K/2.
 */
import * as tf from '@tensorflow/tfjs';

/** cos and sin tables [L, K] for positions offset .. offset+L-1, computed in float64 then stored as float32. */
export function ropeTables(offset: number, length: number, headDim: number, theta: number): { cos: tf.Tensor2D; sin: tf.Tensor2D } {
  if (!Number.isInteger(offset) || offset < 0) throw new RangeError(`offset must be an integer >= 0, got ${offset}`);
  if (!Number.isInteger(length) || length < 0) throw new RangeError(`length must be an integer >= 0, got ${length}`);
  if (!Number.isInteger(headDim) || headDim < 2 || headDim % 2 !== 0)
    throw new RangeError(`headDim must be an even integer >= 2, got ${headDim}`);
  if (!(theta > 0)) throw new RangeError(`theta must be > 0, got ${theta}`);
  const half = headDim / 2;
  const cos = new Float32Array(length * headDim);
  const sin = new Float32Array(length * headDim);
  for (let i = 0; i < half; i++) {
    const invFreq = 1 / Math.pow(theta, (2 * i) / headDim);
    for (let l = 0; l < length; l++) {
      const a = (offset + l) * invFreq;
      const c = Math.cos(a);
      const s = Math.sin(a);
      cos[l * headDim + i] = c;
      cos[l * headDim + i + half] = c;
      sin[l * headDim + i] = s;
      sin[l * headDim + i + half] = s;
    }
  }
  return { cos: tf.tensor2d(cos, [length, headDim]), sin: tf.tensor2d(sin, [length, headDim]) };
}

/** Rotates x [B, H, L, K] at positions offset .. offset+L-1. */
export function applyRope(x: tf.Tensor4D, offset: number, theta: number): tf.Tensor4D {
  const [, , L, K] = x.shape;
  return tf.tidy(() => {
    const { cos, sin } = ropeTables(offset, L, K, theta);
    const half = K / 2;
    const x1 = tf.slice(x, [0, 0, 0, 0], [-1, -1, -1, half]);
    const x2 = tf.slice(x, [0, 0, 0, half], [-1, -1, -1, half]);
    const rotated = tf.concat([tf.neg(x2), x1], 3);
    return tf.add(tf.mul(x, cos), tf.mul(rotated, sin));
  });
}
