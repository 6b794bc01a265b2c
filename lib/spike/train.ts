/**
 * Integer counts -> packed spike trains and back (report §3.3.2, Fig. 4), matching the official
 * Int2Spike encoders (SpikeCountBinaryLIFNode, SpikeCountTernaryLIFNode, SpikeCountBitwiseNode)
 * spike for spike, including the T they choose when none is given.
 */
import { isIntegerTypedArray, popcount32 } from '../util/bits.js';
import {
  countOfField,
  decodeTable,
  encodeTable,
  fieldOf,
  makeLayout,
  MAX_RATE_T,
  type Layout,
} from './layout.js';
import {
  assertScheme,
  defaultSteps,
  isBitwise,
  isSigned,
  MAX_ABS_COUNT,
  MAX_BITWISE_T,
  stepsNeeded,
  type SpikeScheme,
} from './schemes.js';

export interface SpikeTrain {
  readonly scheme: SpikeScheme;
  /** number of time steps */
  readonly T: number;
  /** number of neurons (counts) */
  readonly length: number;
  /** bytes of packed storage (at most 2 bits per spike slot) */
  readonly byteLength: number;
  /** T*length values in {-1, 0, 1}, time-major: index t*length + i */
  toDense(): Int8Array;
  /** the signed integer counts the train represents */
  decode(): Int32Array;
  /** nonzero events */
  spikeCount(): number;
  /** spikeCount / (T*length), 0 when empty */
  firingRate(): number;
  /** Calls fn for every spike, time step by time step; sign is +1 or -1. */
  forEachSpike(fn: (t: number, i: number, sign: 1 | -1) => void): void;
}

export interface EncodeOptions {
  /** time steps; default: the T Int2Spike picks from the input */
  T?: number;
  /** saturate counts that need more than T steps instead of throwing */
  clip?: boolean;
}

type Store = Uint8Array | Uint16Array | Uint32Array;

function allocate(layout: Layout, n: number): Store {
  const { P } = layout;
  if (P === 0) return new Uint8Array(0);
  if (P < 8) return new Uint8Array(Math.ceil((n * P) / 8));
  if (P === 8) return new Uint8Array(n);
  if (P === 16) return new Uint16Array(n);
  return new Uint32Array((n * P) / 32);
}

function describeT(scheme: SpikeScheme): string {
  return isBitwise(scheme)
    ? `an integer in [1, ${MAX_BITWISE_T}] for scheme '${scheme}'`
    : `an integer in [0, ${MAX_RATE_T}] for scheme '${scheme}'`;
}

function validateT(T: unknown, scheme: SpikeScheme): number {
  const [min, max] = isBitwise(scheme) ? [1, MAX_BITWISE_T] : [0, MAX_RATE_T];
  if (typeof T !== 'number' || !Number.isInteger(T) || T < min || T > max) {
    throw new RangeError(`options.T must be ${describeT(scheme)}; got ${String(T)}`);
  }
  return T;
}

function checkCount(counts: ArrayLike<number>, i: number, scheme: SpikeScheme): number {
  const c = counts[i]!;
  if (typeof c !== 'number' || !Number.isInteger(c)) {
    throw new TypeError(`counts[${i}] must be a finite integer, got ${String(c)}`);
  }
  if (c < 0 && !isSigned(scheme)) {
    throw new RangeError(`counts[${i}] = ${c} is negative; scheme '${scheme}' takes counts >= 0 (use 'ternary' or a signed bitwise scheme)`);
  }
  if (Math.abs(c) > MAX_ABS_COUNT) {
    throw new RangeError(`counts[${i}] = ${c} is outside the supported range |count| <= ${MAX_ABS_COUNT}`);
  }
  return c;
}

/** Pass over the input: validates every count and returns the largest |count|. */
function scanMaxAbs(counts: ArrayLike<number>, scheme: SpikeScheme): number {
  let maxAbs = 0;
  const typedInt = isIntegerTypedArray(counts);
  const signed = isSigned(scheme);
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    // fast path: a small integer of the right sign needs no further checks
    if (!(typedInt || (c | 0) === c) || (c < 0 && !signed) || c > MAX_ABS_COUNT) checkCount(counts, i, scheme);
    const a = c < 0 ? -c : c;
    if (a > maxAbs) maxAbs = a;
  }
  return maxAbs;
}

/**
 * Encodes integer counts as a packed spike train. Without options.T the train has the T the
 * official encoders choose from the input; a larger T adds silent leading steps to bitwise
 * trains and silent trailing steps to rate trains, as the official code does.
 */
export function encodeSpikes(
  counts: ArrayLike<number>,
  scheme: SpikeScheme,
  options: EncodeOptions = {},
): SpikeTrain {
  assertScheme(scheme);
  if (counts == null || typeof (counts as { length?: unknown }).length !== 'number') {
    throw new TypeError(`counts must be an array-like of integers, got ${String(counts)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object { T?, clip? }, got ${String(options)}`);
  }
  const clip = options.clip ?? false;
  if (typeof clip !== 'boolean') throw new TypeError(`options.clip must be a boolean, got ${String(clip)}`);

  let T: number;
  let validated = false;
  if (options.T === undefined) {
    const maxAbs = scanMaxAbs(counts, scheme);
    T = defaultSteps(maxAbs, scheme);
    const max = isBitwise(scheme) ? MAX_BITWISE_T : MAX_RATE_T;
    if (T > max) {
      throw new RangeError(`counts reach |count| = ${maxAbs}, which needs T = ${T} steps under scheme '${scheme}'; the most supported is ${max}`);
    }
    validated = true;
  } else {
    T = validateT(options.T, scheme);
  }
  const layout = makeLayout(scheme, T);
  const store = allocate(layout, counts.length);
  encodeInto(layout, store, counts, !validated && !isIntegerTypedArray(counts), clip);
  return new PackedSpikeTrain(layout, counts.length, store);
}

/** Throws for a count outside [lo, hi] unless clip, then returns the saturated count. */
function outOfRange(layout: Layout, counts: ArrayLike<number>, i: number, clip: boolean): number {
  const c = checkCount(counts, i, layout.scheme);
  if (clip) return c < layout.lo ? layout.lo : layout.hi;
  const needed = stepsNeeded(c, layout.scheme);
  throw new RangeError(
    `counts[${i}] = ${c} needs T >= ${needed} under scheme '${layout.scheme}', but T = ${layout.T} (representable range [${layout.lo}, ${layout.hi}]); pass { clip: true } to saturate`,
  );
}

function encodeInto(layout: Layout, store: Store, counts: ArrayLike<number>, checkInts: boolean, clip: boolean): void {
  const n = counts.length;
  const { lo, hi, P } = layout;
  const read = (i: number): number => {
    let c = counts[i]!;
    if (checkInts && (c | 0) !== c && !Number.isInteger(c)) checkCount(counts, i, layout.scheme);
    if (c < lo || c > hi) c = outOfRange(layout, counts, i, clip);
    return c;
  };
  if (P === 0) {
    for (let i = 0; i < n; i++) read(i);
    return;
  }
  if (P <= 16) {
    const table = encodeTable(layout);
    if (P === 8 || P === 16) {
      for (let i = 0; i < n; i++) store[i] = table[read(i) - lo]!;
      return;
    }
    // P in {1, 2, 4}: several fields per byte, filled low bits first
    const perByte = 8 / P;
    for (let b = 0, i = 0; b < store.length; b++) {
      let byte = 0;
      for (let k = 0; k < perByte && i < n; k++, i++) byte |= table[read(i) - lo]! << (k * P);
      store[b] = byte;
    }
    return;
  }
  if (P === 32) {
    for (let i = 0; i < n; i++) store[i] = fieldOf(layout, read(i));
    return;
  }
  // wide fields (rate codes with T > 31): a run of |c| ones ending at bit T-1, sign at bit T
  const words = P / 32;
  const { T, signBit } = layout;
  for (let i = 0; i < n; i++) {
    const c = read(i);
    const a = c < 0 ? -c : c;
    const base = i * words;
    for (let bit = T - a; bit < T; bit++) store[base + (bit >>> 5)]! |= 1 << (bit & 31);
    if (signBit && c < 0) store[base + (T >>> 5)]! |= 1 << (T & 31);
  }
}

class PackedSpikeTrain implements SpikeTrain {
  readonly scheme: SpikeScheme;
  readonly T: number;
  readonly length: number;

  constructor(
    private readonly layout: Layout,
    length: number,
    private readonly store: Store,
  ) {
    this.scheme = layout.scheme;
    this.T = layout.T;
    this.length = length;
  }

  get byteLength(): number {
    return this.store.byteLength;
  }

  /** Field of neuron i for P <= 32. */
  private field(i: number): number {
    const { P } = this.layout;
    if (P >= 8) return this.store[i]!;
    const bit = i * P;
    return (this.store[bit >>> 3]! >>> (bit & 7)) & ((1 << P) - 1);
  }

  /** Wide fields: |count| is the number of ones below bit T, sign at bit T. */
  private wideCount(i: number): number {
    const { P, T, signBit } = this.layout;
    const words = P / 32;
    const base = i * words;
    let a = 0;
    for (let w = 0; w < words; w++) a += popcount32(this.store[base + w]!);
    const negative = signBit && ((this.store[base + (T >>> 5)]! >>> (T & 31)) & 1) === 1;
    return negative ? -(a - 1) : a;
  }

  decode(): Int32Array {
    const n = this.length;
    const out = new Int32Array(n);
    const { P } = this.layout;
    if (P === 0) return out;
    if (P <= 16) {
      const table = decodeTable(this.layout);
      const store = this.store;
      if (P === 8 || P === 16) {
        for (let i = 0; i < n; i++) out[i] = table[store[i]!]!;
      } else {
        const perByte = 8 / P;
        const mask = (1 << P) - 1;
        for (let b = 0, i = 0; b < store.length; b++) {
          const byte = store[b]!;
          for (let k = 0; k < perByte && i < n; k++, i++) out[i] = table[(byte >>> (k * P)) & mask]!;
        }
      }
      return out;
    }
    if (P === 32) {
      for (let i = 0; i < n; i++) out[i] = countOfField(this.layout, this.store[i]!, popcount32);
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = this.wideCount(i);
    return out;
  }

  /** Spikes of neuron i as (magnitude bits, sign): bit T-1-t is the spike at step t. */
  private forEachNeuron(fn: (i: number, magnitude: number, sign: 1 | -1) => void): void {
    const { T, signBit, P } = this.layout;
    if (P > 32) throw new Error('internal: forEachNeuron needs P <= 32');
    for (let i = 0; i < this.length; i++) {
      const f = this.field(i) >>> 0;
      const m = T >= 32 ? f : f % 2 ** T;
      const negative = signBit && Math.floor(f / 2 ** T) % 2 === 1;
      fn(i, m, negative ? -1 : 1);
    }
  }

  forEachSpike(fn: (t: number, i: number, sign: 1 | -1) => void): void {
    const { T, P } = this.layout;
    if (P === 0) return;
    if (P > 32) {
      // wide rate fields: |c| spikes at steps 0..|c|-1
      const counts = this.decode();
      for (let t = 0; t < T; t++) {
        for (let i = 0; i < this.length; i++) {
          const c = counts[i]!;
          if (c > t) fn(t, i, 1);
          else if (-c > t) fn(t, i, -1);
        }
      }
      return;
    }
    const fields = new Uint32Array(this.length);
    const signs = new Int8Array(this.length);
    this.forEachNeuron((i, m, s) => {
      fields[i] = m;
      signs[i] = s;
    });
    for (let t = 0; t < T; t++) {
      const shift = T - 1 - t;
      for (let i = 0; i < this.length; i++) {
        if ((fields[i]! >>> shift) & 1) fn(t, i, signs[i] as 1 | -1);
      }
    }
  }

  toDense(): Int8Array {
    const n = this.length;
    const dense = new Int8Array(this.T * n);
    this.forEachSpike((t, i, s) => {
      dense[t * n + i] = s;
    });
    return dense;
  }

  spikeCount(): number {
    const { P, rate } = this.layout;
    if (P === 0) return 0;
    if (rate) {
      // a rate train fires |count| times
      const counts = this.decode();
      let total = 0;
      for (let i = 0; i < counts.length; i++) total += Math.abs(counts[i]!);
      return total;
    }
    let total = 0;
    this.forEachNeuron((_i, m) => {
      total += popcount32(m);
    });
    return total;
  }

  firingRate(): number {
    const slots = this.T * this.length;
    return slots === 0 ? 0 : this.spikeCount() / slots;
  }
}
