/**
 * Adaptive-threshold spiking (report §3.3.1, eq. 19–21), as W8ASpike's `dynamic_spikes`
 * (quant_linear.py): per row (token) Vth = mean(|x|) / k, clamped to [1e-5, 1e4], and the
 * integer spike count s = round(x / Vth) with round half to even (torch.round). Arithmetic is
 * float32, like the reference, with the row sum in PyTorch's order (see util/float32-sum.ts).
 */
import { assertNumericArrayLike, FLOAT32_MAX, FLOAT32_MIN_NORMAL } from '../util/arrays.js';
import { float32AbsSumTorchOrder } from '../util/float32-sum.js';
import { checkInteger } from '../util/validate.js';

export const VTH_MIN = 1e-5;
export const VTH_MAX = 1e4;

export interface AdaptiveSpikes {
  /** integer counts, row-major [rows, cols] */
  counts: Int32Array;
  /** threshold of each row */
  vth: Float32Array;
}

/** Round half to even, as torch.round and numpy.round do. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round rounds .5 up; step back when that landed on an odd integer from an exact half
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Throws unless k gives a finite, positive threshold: a finite number > 0 that float32 keeps a
 * normal number, i.e. in [2^-126, FLOAT32_MAX]. Vth = mean|x| / k is computed in float32, where a
 * k of 1e-50 is 0 (Vth NaN for a silent row) and a k above FLOAT32_MAX is infinite.
 */
export function checkSpikeK(k: unknown, name = 'k'): asserts k is number {
  if (typeof k !== 'number' || !Number.isFinite(k) || k <= 0) throw new RangeError(`${name} must be a finite number > 0, got ${String(k)}`);
  if (k < FLOAT32_MIN_NORMAL || k > FLOAT32_MAX) {
    throw new RangeError(
      `${name} = ${k} is outside the allowed range [${FLOAT32_MIN_NORMAL}, ${FLOAT32_MAX}]: Vth = mean|x| / ${name} is computed in float32, where this ${name} is ${Math.fround(k)}`,
    );
  }
}

export function adaptiveThresholdSpikes(x: Float32Array | ArrayLike<number>, rows: number, cols: number, k = 3): AdaptiveSpikes {
  checkInteger('rows', rows, 0);
  checkInteger('cols', cols, 1);
  assertNumericArrayLike(x, 'x');
  if (x.length !== rows * cols) {
    throw new RangeError(`expected x of length rows*cols = ${rows}*${cols} = ${rows * cols}, got ${x?.length}`);
  }
  checkSpikeK(k);
  const f = Math.fround;
  const kf = f(k);
  const counts = new Int32Array(rows * cols);
  const vth = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = x[base + c]!;
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new RangeError(`x[${base + c}] (row ${r}, col ${c}) must be a finite number, got ${v}`);
      }
    }
    const mean = f(float32AbsSumTorchOrder(x, base, cols) / cols);
    const v = Math.min(Math.max(f(mean / kf), VTH_MIN), VTH_MAX);
    const th = f(v);
    vth[r] = th;
    for (let c = 0; c < cols; c++) {
      const q = roundHalfEven(f(f(x[base + c]!) / th));
      if (Math.abs(q) > 2 ** 31 - 1) throw new RangeError(`count at row ${r}, col ${c} (${q}) does not fit in Int32`);
      counts[base + c] = q;
    }
  }
  return { counts, vth };
}
