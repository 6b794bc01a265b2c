/**
 * The one numeric comparison for tests: `assertClose(actual, expected, { abs, rel })` passes when
 * every |actual - expected| <= abs + rel * |expected| (numpy's allclose), and otherwise fails naming
 * the worst element, both values and the tolerance. Tensors are read with dataSync; NaN never passes.
 */
import * as tf from '@tensorflow/tfjs';

export type Numbers = ArrayLike<number> | tf.Tensor | number;

export interface Tolerance {
  /** absolute tolerance (default 0) */
  abs?: number;
  /** tolerance relative to |expected| (default 0) */
  rel?: number;
}

function values(x: Numbers): ArrayLike<number> {
  if (typeof x === 'number') return [x];
  if (x instanceof tf.Tensor) return x.dataSync() as ArrayLike<number>;
  return x;
}

/** max |a - b| over the elements (NaN when any difference is NaN). */
export function maxAbsDiff(a: Numbers, b: Numbers): number {
  const [x, y] = [values(a), values(b)];
  if (x.length !== y.length) throw new Error(`length ${x.length} vs ${y.length}`);
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const d = Math.abs(x[i]! - y[i]!);
    if (!(d <= m)) m = d; // NaN propagates
  }
  return m;
}

export function assertClose(actual: Numbers, expected: Numbers, tol: Tolerance, what = 'values'): void {
  const [x, y] = [values(actual), values(expected)];
  const { abs = 0, rel = 0 } = tol;
  if (x.length !== y.length) throw new Error(`${what}: ${x.length} values, expected ${y.length}`);
  let worst = -1;
  let worstExcess = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const excess = Math.abs(x[i]! - y[i]!) - (abs + rel * Math.abs(y[i]!));
    if (!(excess <= 0) && (Number.isNaN(excess) || excess > worstExcess)) {
      worst = i;
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
    }
  }
  if (worst >= 0) {
    throw new Error(
      `${what} differ at [${worst}]: ${x[worst]} vs expected ${y[worst]} (|diff| ${Math.abs(x[worst]! - y[worst]!).toExponential(3)} > abs ${abs} + rel ${rel} x |expected|; max |diff| ${maxAbsDiff(x, y).toExponential(3)})`,
    );
  }
}
