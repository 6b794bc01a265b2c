/**
 * Adaptive-threshold spike counts as tfjs tensors (report §3.3.1, eq. 19–21), the tensor twin of
 * spike/adaptive.ts (W8ASpike `dynamic_spikes` in quant_linear.py): per row (token)
 * Vth = mean(|x|) / k clamped to [1e-5, 1e4], counts = round(x / Vth), half to even.
 *
 * With the default sumOrder 'torch' the row sum follows PyTorch's order (torch-order-sum.ts), and on
 * the cpu and wasm backends (IEEE float32 add, divide and tf.round's banker's rounding) the counts
 * and thresholds equal adaptiveThresholdSpikes bit for bit. sumOrder 'backend' uses tf.mean: fewer
 * ops, but the threshold can differ by an ulp or two, which changes a count by ±1 only when x / Vth
 * lies within a few ulps of a half-integer (an exact tie, or a near one).
 */
import * as tf from '@tensorflow/tfjs';
import { checkSpikeK, VTH_MAX, VTH_MIN } from '../spike/adaptive.js';
import { absRowSumTorchOrder } from './torch-order-sum.js';

export type SumOrder = 'torch' | 'backend';

export interface AdaptiveSpikesTensorOptions {
  /** 'torch' (default): the reference's float32 summation order; 'backend': tf.mean */
  sumOrder?: SumOrder;
}

export interface AdaptiveSpikesTensor {
  /** integer spike counts as float32 values, [N, D] */
  counts: tf.Tensor2D;
  /** threshold of each row, [N] */
  vth: tf.Tensor1D;
}

/** Throws unless k gives a finite positive float32 threshold (a number in [2^-126, FLOAT32_MAX]). */
export function checkK(k: unknown): asserts k is number {
  checkSpikeK(k);
}

/** Throws unless sumOrder is 'torch' or 'backend'. */
export function checkSumOrder(sumOrder: unknown): asserts sumOrder is SumOrder {
  if (sumOrder !== 'torch' && sumOrder !== 'backend') {
    throw new RangeError(`sumOrder must be 'torch' or 'backend', got ${JSON.stringify(sumOrder)}`);
  }
}

/** Throws unless x is a float32 tf.Tensor of rank 2 with at least one column. */
export function checkTensor2D(x: unknown, name: string, shapeName: string): asserts x is tf.Tensor2D {
  if (!(x instanceof tf.Tensor)) throw new TypeError(`expected ${name} to be a tf.Tensor of shape ${shapeName}, got ${x}`);
  if (x.rank !== 2) throw new RangeError(`expected ${name} of shape ${shapeName}, got [${x.shape.join(', ')}]`);
  if (x.dtype !== 'float32') throw new TypeError(`expected ${name} of dtype float32, got ${x.dtype}`);
}

/**
 * Spike counts of each row of x [N, D] with threshold mean(|x|) / k. The caller owns both returned
 * tensors. Non-finite inputs are not checked (reading the data back would stall a GPU backend);
 * they give NaN thresholds and counts.
 */
export function adaptiveSpikesTensor(x: tf.Tensor2D, k = 3, options: AdaptiveSpikesTensorOptions = {}): AdaptiveSpikesTensor {
  checkTensor2D(x, 'x', '[N, D]');
  checkK(k);
  if (options == null || typeof options !== 'object') throw new TypeError(`options must be an object, got ${options}`);
  const sumOrder = options.sumOrder ?? 'torch';
  checkSumOrder(sumOrder);
  const [rows, cols] = x.shape;
  if (cols < 1) throw new RangeError(`expected x of shape [N, D] with D >= 1, got [${x.shape.join(', ')}]`);
  if (rows === 0) return { counts: tf.zeros([0, cols]), vth: tf.zeros([0]) };
  return tf.tidy(() => {
    const mean = sumOrder === 'torch' ? tf.div(absRowSumTorchOrder(x), tf.scalar(cols)) : tf.mean(tf.abs(x), 1);
    // float32 scalars, so the clamp bounds are fround(1e-5) and fround(1e4) as in the reference
    const vth = tf.minimum(tf.maximum(tf.div(mean, tf.scalar(k)), tf.scalar(VTH_MIN)), tf.scalar(VTH_MAX)) as tf.Tensor1D;
    const counts = tf.round(tf.div(x, tf.expandDims(vth, 1))) as tf.Tensor2D;
    return { counts, vth };
  });
}
