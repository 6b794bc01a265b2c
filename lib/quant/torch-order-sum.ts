/**
 * Row sums of |x| in PyTorch's CPU reduction order, with tfjs ops: the numerator of the adaptive
 * threshold (report §3.3.1, eq. 19; W8ASpike `dynamic_spikes`: x.abs().mean(-1)).
 *
 * util/float32-sum.ts documents the order (aten SumKernel.cpp, AVX2 build): 8-lane vectors, 4
 * interleaved accumulators, a cascade of 4 levels that each sum `step` (>= 16) partial sums, then
 * the leftover vectors, the accumulators, the scalar tail and the lanes. Here every step is an
 * element-wise float32 add of whole slices, vectorised over rows, lanes, accumulators and groups,
 * so a row of any length costs about a hundred small ops and, on backends whose float32 add is
 * IEEE (cpu, wasm), the sums equal the reference bit for bit. tf.sum / tf.mean use the backend's
 * own order and differ from torch in the last bit on most rows.
 */
import * as tf from '@tensorflow/tfjs';

const LANES = 8;
const ILP = 4;
const LEVELS = 4;

function ceilLog2(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n));
}

/**
 * Left-to-right float32 sum along `axis` ((t0 + t1) + t2 ...). An empty axis gives zeros. Starting
 * from t0 instead of 0 + t0 is exact because every term here is >= +0.
 */
function sequentialSum(t: tf.Tensor, axis: number): tf.Tensor {
  const n = t.shape[axis]!;
  if (n === 0) return tf.zeros(t.shape.filter((_, i) => i !== axis));
  const parts = tf.unstack(t, axis);
  let acc = parts[0]!;
  for (let i = 1; i < n; i++) acc = tf.add(acc, parts[i]!);
  return acc;
}

/** Slice [from, to) of axis 1 of t (zero-length allowed). */
function sliceAxis1(t: tf.Tensor, from: number, to: number): tf.Tensor {
  const begin = t.shape.map((_, i) => (i === 1 ? from : 0));
  const size = t.shape.map((d, i) => (i === 1 ? to - from : d));
  return tf.slice(t, begin, size);
}

/**
 * One cascade level: t is [R, n, ILP, LANES] partial sums in order. Returns the sums of each full
 * group of `step` consecutive entries ([R, floor(n / step), ILP, LANES]) and the sum of the
 * incomplete last group ([R, ILP, LANES], zeros when n is a multiple of step).
 */
function cascadeLevel(t: tf.Tensor, step: number): { full: tf.Tensor; rest: tf.Tensor } {
  const [rows, n] = t.shape as [number, number];
  const groups = Math.floor(n / step);
  const full =
    groups === 0
      ? tf.zeros([rows, 0, ILP, LANES])
      : sequentialSum(tf.reshape(sliceAxis1(t, 0, groups * step), [rows, groups, step, ILP, LANES]), 2);
  const rest = sequentialSum(sliceAxis1(t, groups * step, n), 1);
  return { full, rest };
}

/** Sum of |x| over each row of x [N, D], in torch's order; returns [N]. */
export function absRowSumTorchOrder(x: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const [rows, n] = x.shape;
    const a = tf.abs(x);
    const vectors = Math.floor(n / LANES);
    const size = Math.floor(vectors / ILP);
    const levelPower = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
    const step = 2 ** levelPower;
    // the vectors handled by the ILP accumulators: [N, size, ILP, LANES]
    const main = tf.reshape(tf.slice(a, [0, 0], [rows, size * ILP * LANES]), [rows, size, ILP, LANES]);
    // level 0: each pass of the cascade loop adds `step` vectors to accumulators starting at zero
    const passes = Math.floor(size / step);
    const level0 = cascadeLevel(sliceAxis1(main, 0, passes * step), step);
    // level 1 collects the pass sums and moves each full group of `step` to level 2, and so on
    const level1 = cascadeLevel(level0.full, step);
    const level2 = cascadeLevel(level1.full, step);
    const acc3 = sequentialSum(level2.full, 1);
    // vectors after the last full pass go into the (emptied) level-0 accumulators
    const tail0 = sequentialSum(sliceAxis1(main, passes * step, size), 1);
    // acc[0] += acc[1]; acc[0] += acc[2]; acc[0] += acc[3]
    const acc0 = tf.add(tf.add(tf.add(tail0, level1.rest), level2.rest), acc3); // [N, ILP, LANES]
    const accs = tf.unstack(acc0, 1); // ILP x [N, LANES]
    let row = accs[0]!;
    // vectors left over after the ILP groups go into the first accumulator
    for (let v = size * ILP; v < vectors; v++) row = tf.add(row, tf.slice(a, [0, v * LANES], [rows, LANES]));
    for (let k = 1; k < ILP; k++) row = tf.add(row, accs[k]!);
    // scalar tail, left to right from zero, then the lanes one by one
    let total = sequentialSum(tf.slice(a, [0, vectors * LANES], [rows, n - vectors * LANES]), 1);
    const lanes = tf.unstack(row, 1);
    for (const lane of lanes) total = tf.add(total, lane);
    return total as tf.Tensor1D;
  });
}
