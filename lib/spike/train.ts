/**
 * Integer counts -> packed spike trains and back (report §3.3.2, Fig. 4), matching the official
 * Int2Spike encoders (SpikeCountBinaryLIFNode, SpikeCountTernaryLIFNode, SpikeCountBitwiseNode)
 * spike for spike, including the T they choose when none is given.
 */
import { assertNumericArrayLike } from '../util/arrays.js';
import { isIntegerTypedArray, popcount32 } from '../util/bits.js';
import { decodeWithTable, encodeSignMagnitudeInt3, encodeTracking, encodeTrackingOr, encodeWithTable, repackNarrower } from './codec.js';
import { countOfField, decodeTable, encodeTable, fieldOf, makeLayout, MAX_RATE_T, splitField, type Layout } from './layout.js';
import { assertScheme, defaultSteps, isBitwise, isSigned, MAX_ABS_COUNT, MAX_BITWISE_T, stepsNeeded, type SpikeScheme } from './schemes.js';

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
  /** decode() into a caller's buffer of length `length` (reuse it to avoid allocating); returns it */
  decodeInto(out: Int32Array): Int32Array;
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

function allocate(P: number, n: number): Store {
  if (P === 0) return new Uint8Array(0);
  if (P <= 8) return new Uint8Array(Math.ceil((n * P) / 8));
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
    throw new RangeError(
      `counts[${i}] = ${c} is negative; scheme '${scheme}' takes counts >= 0 (use 'ternary' or a signed bitwise scheme)`,
    );
  }
  if (Math.abs(c) > MAX_ABS_COUNT) {
    throw new RangeError(`counts[${i}] = ${c} is outside the supported range |count| <= ${MAX_ABS_COUNT}`);
  }
  return c;
}

/** Validates every count and returns the largest |count|. */
function scanMaxAbs(counts: ArrayLike<number>, scheme: SpikeScheme): number {
  let maxAbs = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = checkCount(counts, i, scheme);
    const a = c < 0 ? -c : c;
    if (a > maxAbs) maxAbs = a;
  }
  return maxAbs;
}

function defaultTFor(maxAbs: number, scheme: SpikeScheme): number {
  const T = defaultSteps(maxAbs, scheme);
  const max = isBitwise(scheme) ? MAX_BITWISE_T : MAX_RATE_T;
  if (T > max) {
    throw new RangeError(
      `counts reach |count| = ${maxAbs}, which needs T = ${T} steps under scheme '${scheme}'; the most supported is ${max}`,
    );
  }
  return T;
}

/**
 * Fast path for integer-typed input without a given T: encode at the width that counts within
 * INT3 (|count| <= 7) need while finding the largest count, in one pass; then narrow the fields
 * if the counts turned out smaller. Returns null when the counts need wider fields.
 */
function encodeSinglePass(counts: ArrayLike<number>, scheme: SpikeScheme): PackedSpikeTrain | null {
  const P0 = makeLayout(scheme, defaultSteps(7, scheme)).P;
  const { table, lo } = encodeTable(scheme, P0);
  const store = new Uint8Array(Math.ceil((counts.length * P0) / 8));
  let maxAbs: number;
  if (scheme === 'ternary' || scheme === 'bitwise-bidirectional') {
    const orM = encodeSignMagnitudeInt3(counts, scheme === 'ternary', store);
    if (orM < 0) return null;
    maxAbs = scheme === 'ternary' ? popcount32(orM) : orM;
  } else if (scheme === 'bitwise-twos-complement') {
    const minMax = new Float64Array(2);
    if (!encodeTracking(counts, table, lo, P0, store, minMax)) return null;
    maxAbs = Math.max(minMax[1]!, -minMax[0]!);
  } else {
    // binary, bitwise: the OR of all fields is enough (runs of ones; |count| itself)
    const or = encodeTrackingOr(counts, table, lo, P0, store);
    if (or < 0) return null;
    maxAbs = scheme === 'bitwise' ? or : popcount32(or);
  }
  const layout = makeLayout(scheme, defaultTFor(maxAbs, scheme));
  if (layout.P === P0) return new PackedSpikeTrain(layout, counts.length, store);
  if (layout.P < P0) {
    const narrow = layout.P === 0 ? new Uint8Array(0) : repackNarrower(store, P0, layout.P, counts.length);
    return new PackedSpikeTrain(layout, counts.length, narrow);
  }
  return null;
}

/**
 * Encodes integer counts as a packed spike train. Without options.T the train has the T the
 * official encoders choose from the input; a larger T adds silent leading steps to bitwise
 * trains and silent trailing steps to rate trains, as the official code does.
 */
export function encodeSpikes(counts: ArrayLike<number>, scheme: SpikeScheme, options: EncodeOptions = {}): SpikeTrain {
  assertScheme(scheme);
  if (counts == null) throw new TypeError(`counts must be an array-like of integers, got ${String(counts)}`);
  // a BigInt64Array, a string or a length of -1 or 1.5 would give a raw JS error or a broken train
  assertNumericArrayLike(counts, 'counts');
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`options must be an object { T?, clip? }, got ${String(options)}`);
  }
  const clip = options.clip ?? false;
  if (typeof clip !== 'boolean') throw new TypeError(`options.clip must be a boolean, got ${String(clip)}`);
  const typedInt = isIntegerTypedArray(counts);

  let T: number;
  let validated = false;
  if (options.T === undefined) {
    // Uint32 counts can exceed the int32 range the single pass assumes
    const fast = typedInt && !(counts instanceof Uint32Array) ? encodeSinglePass(counts, scheme) : null;
    if (fast) return fast;
    T = defaultTFor(scanMaxAbs(counts, scheme), scheme);
    validated = true;
  } else {
    T = validateT(options.T, scheme);
  }
  const layout = makeLayout(scheme, T);
  const store = allocate(layout.P, counts.length);
  encodeInto(layout, store, counts, !validated && !typedInt, clip);
  return new PackedSpikeTrain(layout, counts.length, store);
}

/** Throws for a count outside [lo, hi] unless clip, then returns the saturated count. */
function outOfRange(layout: Layout, c: number, i: number, clip: boolean): number {
  if (clip) return c < layout.lo ? layout.lo : layout.hi;
  const needed = stepsNeeded(c, layout.scheme);
  throw new RangeError(
    `counts[${i}] = ${c} needs T >= ${needed} under scheme '${layout.scheme}', but T = ${layout.T} (representable range [${layout.lo}, ${layout.hi}]); pass { clip: true } to saturate`,
  );
}

function encodeInto(layout: Layout, store: Store, counts: ArrayLike<number>, checkInts: boolean, clip: boolean): void {
  const n = counts.length;
  const { scheme, lo, hi, P } = layout;
  const bad = (i: number): number => {
    const c = checkCount(counts, i, scheme);
    return c < lo || c > hi ? outOfRange(layout, c, i, clip) : c;
  };
  if (P === 0) {
    for (let i = 0; i < n; i++) if (counts[i] !== 0) bad(i);
    return;
  }
  if (P <= 16) {
    const { table, lo: tableLo } = encodeTable(scheme, P);
    encodeWithTable(counts, table, tableLo, lo, hi, P, store as Uint8Array | Uint16Array, checkInts, bad);
    return;
  }
  const read = (i: number): number => {
    const c = counts[i]!;
    return c < lo || c > hi || (checkInts && (c | 0) !== c) ? bad(i) : c;
  };
  if (P === 32) {
    for (let i = 0; i < n; i++) store[i] = fieldOf(scheme, P, read(i));
    return;
  }
  // wide fields (rate codes with T > 31): sign bit (ternary), then a run of |c| ones
  const words = P / 32;
  const first = layout.signBit ? 1 : 0;
  for (let i = 0; i < n; i++) {
    const c = read(i);
    const a = c < 0 ? -c : c;
    const base = i * words;
    if (c < 0) store[base]! |= 1;
    for (let bit = first; bit < first + a; bit++) store[base + (bit >>> 5)]! |= 1 << (bit & 31);
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

  /** Wide fields (rate codes, P > 32): |count| ones after the sign bit. */
  private wideCount(i: number): number {
    const words = this.layout.P / 32;
    const base = i * words;
    let ones = 0;
    for (let w = 0; w < words; w++) ones += popcount32(this.store[base + w]!);
    const negative = this.layout.signBit && (this.store[base]! & 1) === 1;
    return negative ? -(ones - 1) : ones;
  }

  decode(): Int32Array {
    return this.decodeInto(new Int32Array(this.length));
  }

  decodeInto(out: Int32Array): Int32Array {
    if (!(out instanceof Int32Array) || out.length !== this.length) {
      throw new TypeError(`out must be an Int32Array of length ${this.length}, got ${out?.constructor?.name} of length ${out?.length}`);
    }
    const { scheme, P } = this.layout;
    if (P === 0) return out.fill(0);
    if (P <= 16) decodeWithTable(this.store as Uint8Array | Uint16Array, P, decodeTable(scheme, P), out);
    else if (P === 32) for (let i = 0; i < out.length; i++) out[i] = countOfField(scheme, P, this.store[i]!, popcount32);
    else for (let i = 0; i < out.length; i++) out[i] = this.wideCount(i);
    return out;
  }

  forEachSpike(fn: (t: number, i: number, sign: 1 | -1) => void): void {
    const { T, P, rate, scheme } = this.layout;
    const n = this.length;
    if (P === 0) return;
    if (P > 32) {
      // wide rate fields: |c| spikes at steps 0..|c|-1
      const counts = this.decode();
      for (let t = 0; t < T; t++) {
        for (let i = 0; i < n; i++) {
          const c = counts[i]!;
          if (c > t) fn(t, i, 1);
          else if (-c > t) fn(t, i, -1);
        }
      }
      return;
    }
    const patterns = new Uint32Array(n);
    const signs = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const { m, sign } = splitField(scheme, P, this.field(i));
      patterns[i] = m;
      signs[i] = sign;
    }
    for (let t = 0; t < T; t++) {
      // rate codes: step t is bit t; bitwise codes send the most significant of T bits first
      const shift = rate ? t : T - 1 - t;
      for (let i = 0; i < n; i++) if ((patterns[i]! >>> shift) & 1) fn(t, i, signs[i] as 1 | -1);
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
    const { P, T, rate, scheme } = this.layout;
    if (P === 0) return 0;
    let total = 0;
    if (rate) {
      // a rate train fires |count| times
      const counts = this.decode();
      for (let i = 0; i < counts.length; i++) total += Math.abs(counts[i]!);
      return total;
    }
    // bitwise: one spike per set bit among the T step bits (two's complement fields carry sign extension above T)
    const stepBits = T >= 32 ? 0xffffffff : 2 ** T - 1;
    for (let i = 0; i < this.length; i++) total += popcount32((splitField(scheme, P, this.field(i)).m & stepBits) >>> 0);
    return total;
  }

  firingRate(): number {
    const slots = this.T * this.length;
    return slots === 0 ? 0 : this.spikeCount() / slots;
  }
}
