/**
 * INT8 symmetric group-wise weights (report §3.3, W8ASpike: "W8" = 8-bit weights).
 *
 * Grouping, as the reference `Quantizer` in W8ASpike/quant_linear.py (BICLab/SpikingBrain-7B) does
 * it: a torch Linear weight [out, in] is reshaped to [out, in / g, g] with g = w_group_size = 128,
 * so a group is g consecutive input columns of one output row, and there is one scale per (row,
 * group): the `scales` buffer has shape [out, in / g, 1]. Its forward is `round(w / scales) *
 * scales` (torch.round: half to even), symmetric, no zero point ("using sym quant for
 * simplicity"). A group size that does not divide `in` fails in the reference's reshape; here it
 * is a clear error.
 *
 * The scales themselves are loaded from the released checkpoint; the repository has no code that
 * computes them. The one symmetric INT8 rule it does contain is `quantize_sym` in
 * W8ASpike/window_attention.py: scale = amax(|x|) / 127 (2^(bits-1) - 1) in float32, clamped to
 * [1e-5, 1e4], q = round(x / scale) clamped to [-128, 127]. We apply that rule per group. Since
 * scale >= amax / 127, |q| <= 127 always holds except when the scale is clamped to 1e4 (a group with
 * amax > 1.27e6), the only case where -128 or the clamp can occur.
 */
import { roundHalfEven } from '../spike/adaptive.js';
import { checkInteger } from '../util/validate.js';

/** Reference group size (QuantLinear's w_group_size). */
export const INT8_GROUP_SIZE = 128;
/** quantize_sym's divisor: 2^(8-1) - 1. */
export const INT8_QMAX = 127;
/** quantize_sym's clamp range for q. */
export const INT8_CLAMP_MIN = -128;
export const INT8_CLAMP_MAX = 127;
/** quantize_sym's clamp range for the scale. */
export const INT8_SCALE_MIN = 1e-5;
export const INT8_SCALE_MAX = 1e4;

export interface Int8GroupWeights {
  /** integer weights, row-major [rows, cols] */
  values: Int8Array;
  /** one scale per (row, group), row-major [rows, cols / groupSize] (the reference's [out, in/g, 1]) */
  scales: Float32Array;
  /** output features (torch Linear weight rows) */
  rows: number;
  /** input features (torch Linear weight columns) */
  cols: number;
  /** consecutive input columns sharing one scale */
  groupSize: number;
}

function describe(v: unknown): string {
  return v !== null && typeof v === 'object' ? (v.constructor?.name ?? 'object') : String(v);
}

function checkDims(rows: number, cols: number, groupSize: number): void {
  checkInteger('rows', rows, 1);
  checkInteger('cols', cols, 1);
  checkInteger('groupSize', groupSize, 1);
  if (cols % groupSize !== 0) {
    throw new RangeError(
      `groupSize (${groupSize}) must divide cols (${cols}): the reference Quantizer reshapes the weight to [out, in / groupSize, groupSize]`,
    );
  }
}

/**
 * Quantizes a row-major [rows, cols] weight (torch Linear layout [out, in]) to INT8 with one scale
 * per `groupSize` consecutive columns of a row. Float32 arithmetic throughout, like the reference.
 */
export function quantizeInt8GroupWise(w: Float32Array, rows: number, cols: number, groupSize = INT8_GROUP_SIZE): Int8GroupWeights {
  checkDims(rows, cols, groupSize);
  if (!(w instanceof Float32Array)) throw new TypeError(`w must be a Float32Array, got ${describe(w)}`);
  if (w.length !== rows * cols) throw new RangeError(`expected w of length rows*cols = ${rows}*${cols} = ${rows * cols}, got ${w.length}`);
  const f = Math.fround;
  const groups = cols / groupSize;
  const values = new Int8Array(rows * cols);
  const scales = new Float32Array(rows * groups);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < groups; g++) {
      const start = r * cols + g * groupSize;
      let amax = 0;
      for (let i = start; i < start + groupSize; i++) {
        const v = w[i]!;
        if (!Number.isFinite(v)) throw new RangeError(`w[${i}] (row ${r}, col ${i - r * cols}) must be finite, got ${v}`);
        const a = Math.abs(v);
        if (a > amax) amax = a;
      }
      const scale = f(Math.min(Math.max(f(amax / INT8_QMAX), INT8_SCALE_MIN), INT8_SCALE_MAX));
      scales[r * groups + g] = scale;
      for (let i = start; i < start + groupSize; i++) {
        const q = roundHalfEven(f(w[i]! / scale));
        values[i] = Math.min(Math.max(q, INT8_CLAMP_MIN), INT8_CLAMP_MAX);
      }
    }
  }
  return { values, scales, rows, cols, groupSize };
}

/** q * scale per element, in float32 (the reference's `round(w / scales) * scales`). */
export function dequantizeInt8(q: Int8GroupWeights): Float32Array {
  if (q == null || typeof q !== 'object') throw new TypeError(`q must be an Int8GroupWeights object, got ${q}`);
  const { values, scales, rows, cols, groupSize } = q;
  checkDims(rows, cols, groupSize);
  if (!(values instanceof Int8Array) || values.length !== rows * cols) {
    throw new RangeError(`expected q.values to be an Int8Array of length rows*cols = ${rows * cols}, got ${values?.length}`);
  }
  const groups = cols / groupSize;
  if (!(scales instanceof Float32Array) || scales.length !== rows * groups) {
    throw new RangeError(`expected q.scales to be a Float32Array of length rows*cols/groupSize = ${rows * groups}, got ${scales?.length}`);
  }
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      out[i] = values[i]! * scales[r * groups + Math.floor(c / groupSize)]!;
    }
  }
  return out;
}
