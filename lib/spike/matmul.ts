/**
 * Spike-driven matrix products (report §3.3, §5.5; Int2Spike `spike_matmul`, `weight_to_bitwise`).
 * A spike adds (or subtracts) one weight row; nothing is multiplied. Bitwise trains accumulate one
 * partial sum per step and merge them by shift-and-add (each step weighs its power of two; the
 * first step of a two's complement train weighs -2^(T-1)).
 */
import { assertFiniteNumbers, assertNumericArrayLike } from '../util/arrays.js';
import type { SpikeTrain } from './train.js';

/** A row-major matrix [rows, cols]. */
export interface Matrix {
  readonly data: ArrayLike<number>;
  readonly rows: number;
  readonly cols: number;
}

export interface SpikeMatmulResult {
  /** row-major [tokens, cols], tokens = train.length / weights.rows */
  readonly output: Float64Array;
  readonly tokens: number;
  readonly cols: number;
  /** scalar additions done by spikes: spike events x cols */
  readonly additions: number;
  /** scalar shift-and-add merges of per-step partial sums (bitwise trains only) */
  readonly mergeAdditions: number;
  /** weight rows (input channels) no spike ever touched, so never fetched */
  readonly untouchedRows: number;
  /** multiply-accumulates the dense product would do: tokens x rows x cols */
  readonly denseMacs: number;
}

export function assertMatrix(m: Matrix, name: string): void {
  if (m == null || typeof m !== 'object' || m.data == null) {
    throw new TypeError(`${name} must be { data, rows, cols }, got ${String(m)}`);
  }
  assertNumericArrayLike(m.data, `${name}.data`);
  if (!Number.isInteger(m.rows) || m.rows < 1 || !Number.isInteger(m.cols) || m.cols < 1) {
    throw new RangeError(`${name}.rows and ${name}.cols must be integers >= 1, got ${m.rows} x ${m.cols}`);
  }
  if (m.data.length !== m.rows * m.cols) {
    throw new RangeError(`${name}.data must hold rows*cols = ${m.rows * m.cols} values, got ${m.data.length}`);
  }
  // strings would concatenate instead of adding, NaN would spread: neither is a weight
  assertFiniteNumbers(m.data, `${name}.data`);
}

/** Step weights of a train: 1 for rate codes, 2^(T-1-t) for bitwise, first step negative for two's complement. */
export function stepWeights(train: SpikeTrain): number[] {
  const w: number[] = [];
  for (let t = 0; t < train.T; t++) {
    if (!train.scheme.startsWith('bitwise')) w.push(1);
    else if (train.scheme === 'bitwise-twos-complement' && t === 0) w.push(-(2 ** (train.T - 1)));
    else w.push(2 ** (train.T - 1 - t));
  }
  return w;
}

/** Tokens of a train holding [tokens, rows] counts, for a product with a weight matrix of `rows` rows. */
export function trainTokens(train: SpikeTrain, rows: number): number {
  if (train.length % rows !== 0) {
    throw new RangeError(
      `train.length (${train.length}) must be a multiple of weights.rows (${rows}): the train holds [tokens, ${rows}] counts`,
    );
  }
  return train.length / rows;
}

/**
 * Spike-driven product of a train holding [tokens, weights.rows] counts (row-major) with a weight
 * matrix [rows, cols]. Equals the integer matmul counts x weights.
 */
export function spikeMatmul(train: SpikeTrain, weights: Matrix): SpikeMatmulResult {
  assertMatrix(weights, 'weights');
  const { rows, cols, data: w } = weights;
  const tokens = trainTokens(train, rows);
  const bitwise = train.scheme.startsWith('bitwise');
  const steps = bitwise ? train.T : 1;
  // rate codes need one accumulator per token; bitwise ones one per token and step
  const partial = new Float64Array(steps * tokens * cols);
  const touched = new Uint8Array(rows);
  let events = 0;
  train.forEachSpike((t, i, sign) => {
    const token = Math.floor(i / rows);
    const row = i - token * rows;
    touched[row] = 1;
    events++;
    const acc = ((bitwise ? t : 0) * tokens + token) * cols;
    const wr = row * cols;
    if (sign > 0) for (let c = 0; c < cols; c++) partial[acc + c] += w[wr + c]!;
    else for (let c = 0; c < cols; c++) partial[acc + c] -= w[wr + c]!;
  });
  const output = new Float64Array(tokens * cols);
  const weightsPerStep = stepWeights(train);
  for (let s = 0; s < steps; s++) {
    const scale = bitwise ? weightsPerStep[s]! : 1;
    const base = s * tokens * cols;
    for (let j = 0; j < tokens * cols; j++) output[j] += scale * partial[base + j]!;
  }
  let untouchedRows = 0;
  for (let r = 0; r < rows; r++) if (!touched[r]) untouchedRows++;
  return {
    output,
    tokens,
    cols,
    additions: events * cols,
    mergeAdditions: bitwise ? Math.max(0, steps - 1) * tokens * cols : 0,
    untouchedRows,
    denseMacs: tokens * rows * cols,
  };
}

/** Plain dense product a [n, a.cols] x b [a.cols, b.cols], float64: the reference spikeMatmul must equal. */
export function denseMatmul(a: Matrix, b: Matrix): Float64Array {
  assertMatrix(a, 'a');
  assertMatrix(b, 'b');
  if (a.cols !== b.rows) throw new RangeError(`a.cols (${a.cols}) must equal b.rows (${b.rows})`);
  const out = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const x = a.data[i * a.cols + k]!;
      if (x === 0) continue;
      for (let j = 0; j < b.cols; j++) out[i * b.cols + j] += x * b.data[k * b.cols + j]!;
    }
  }
  return out;
}

/** Integer weights as bit planes (Int2Spike `weight_to_bitwise`): w = offset + sum_b 2^(T-1-b) plane_b. */
export interface WeightBitPlanes {
  readonly rows: number;
  readonly cols: number;
  /** number of planes: max(1, ceil(log2(max(w - offset) + 1))) */
  readonly T: number;
  /** value subtracted so every weight is >= 0: min(w) when some weight is negative, else 0 */
  readonly offset: number;
  /** plane b, bit j = bit (T-1-b) of w[j] - offset; packed 32 weights per word */
  readonly planes: Uint32Array[];
}

export function weightToBitwise(weights: Matrix): WeightBitPlanes {
  assertMatrix(weights, 'weights');
  const { data, rows, cols } = weights;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < data.length; j++) {
    const v = data[j]!;
    if (!Number.isInteger(v)) throw new TypeError(`weights.data[${j}] must be an integer, got ${v}`);
    if (v < INT32_MIN || v > INT32_MAX)
      throw new RangeError(`weights.data[${j}] = ${v} is outside the Int32 range [${INT32_MIN}, ${INT32_MAX}]`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const offset = min < 0 ? min : 0;
  const span = max - offset;
  if (span > 2 ** 31 - 1) throw new RangeError(`weights span ${span} exceeds 2^31 - 1`);
  const T = Math.max(1, span === 0 ? 0 : Math.floor(Math.log2(span)) + 1);
  const words = Math.ceil(data.length / 32);
  const planes = Array.from({ length: T }, () => new Uint32Array(words));
  for (let j = 0; j < data.length; j++) {
    const u = data[j]! - offset;
    for (let b = 0; b < T; b++) if ((u >>> (T - 1 - b)) & 1) planes[b]![j >>> 5]! |= 1 << (j & 31);
  }
  return { rows, cols, T, offset, planes };
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** Throws unless `p` is a consistent set of bit planes whose weights all fit in Int32. */
export function assertBitPlanes(p: WeightBitPlanes, name = 'planes'): void {
  if (p == null || typeof p !== 'object') throw new TypeError(`${name} must be { rows, cols, T, offset, planes }, got ${String(p)}`);
  if (!Number.isInteger(p.rows) || p.rows < 1 || !Number.isInteger(p.cols) || p.cols < 1) {
    throw new RangeError(`${name}.rows and ${name}.cols must be integers >= 1, got ${p.rows} x ${p.cols}`);
  }
  if (!Number.isInteger(p.T) || p.T < 1 || p.T > 31) throw new RangeError(`${name}.T must be an integer in [1, 31], got ${p.T}`);
  // the weights span [offset, offset + 2^T - 1]; both ends must fit the Int32Array they come back in
  if (!Number.isInteger(p.offset) || p.offset < INT32_MIN || p.offset + 2 ** p.T - 1 > INT32_MAX) {
    throw new RangeError(
      `${name}.offset must be an integer with [offset, offset + 2^T - 1] inside the Int32 range [${INT32_MIN}, ${INT32_MAX}], got offset ${p.offset} with T = ${p.T}`,
    );
  }
  const words = Math.ceil((p.rows * p.cols) / 32);
  if (!Array.isArray(p.planes) || p.planes.length !== p.T)
    throw new RangeError(
      `${name}.planes must be an array of T = ${p.T} planes, got ${Array.isArray(p.planes) ? p.planes.length : String(p.planes)}`,
    );
  p.planes.forEach((plane, b) => {
    if (!(plane instanceof Uint32Array) || plane.length !== words) {
      throw new TypeError(
        `${name}.planes[${b}] must be a Uint32Array of ceil(rows*cols/32) = ${words} words, got ${plane?.constructor?.name} of length ${plane?.length}`,
      );
    }
  });
}

/** Reassembles the integer weights from their planes (for tests and figures). */
export function bitwiseToWeights(p: WeightBitPlanes): Int32Array {
  assertBitPlanes(p);
  const out = new Int32Array(p.rows * p.cols).fill(p.offset);
  for (let b = 0; b < p.T; b++) {
    const plane = p.planes[b]!;
    const scale = 2 ** (p.T - 1 - b);
    for (let j = 0; j < out.length; j++) if ((plane[j >>> 5]! >>> (j & 31)) & 1) out[j]! += scale;
  }
  return out;
}

/**
 * Spikes x weight bit planes: every spike meets one weight bit per plane, so the product needs
 * only bit tests and additions of ±1, weighed by step and plane powers of two. The offset adds
 * offset x (sum of counts) per output. Equals the integer matmul.
 */
export function spikeMatmulBitwiseWeights(train: SpikeTrain, planes: WeightBitPlanes): SpikeMatmulResult {
  assertBitPlanes(planes);
  const { rows, cols, T: Tw } = planes;
  if (train.length % rows !== 0) {
    throw new RangeError(`train.length (${train.length}) must be a multiple of planes.rows (${rows})`);
  }
  const tokens = train.length / rows;
  const stepScale = stepWeights(train);
  const output = new Float64Array(tokens * cols);
  const touched = new Uint8Array(rows);
  let additions = 0;
  train.forEachSpike((t, i, sign) => {
    const token = Math.floor(i / rows);
    const row = i - token * rows;
    touched[row] = 1;
    const s = sign * stepScale[t]!;
    for (let c = 0; c < cols; c++) {
      const j = row * cols + c;
      let acc = planes.offset;
      for (let b = 0; b < Tw; b++) {
        if ((planes.planes[b]![j >>> 5]! >>> (j & 31)) & 1) {
          acc += 2 ** (Tw - 1 - b);
          additions++;
        }
      }
      output[token * cols + c] += s * acc;
    }
  });
  let untouchedRows = 0;
  for (let r = 0; r < rows; r++) if (!touched[r]) untouchedRows++;
  return { output, tokens, cols, additions, mergeAdditions: 0, untouchedRows, denseMacs: tokens * rows * cols };
}
