/**
 * Packed layout of a spike train (report §3.3.2; Int2Spike semantics).
 *
 * Each neuron keeps one P-bit field, P a power of two. The field depends on the count and P
 * only, not on T, so an encoder can fill fields before it knows the input's largest count:
 * - ternary, bitwise-bidirectional (all spikes share the count's sign): bit 0 is the sign
 *   (1 = negative), bits 1.. hold m;
 * - binary, bitwise: the field is m;
 * - two's complement: the field is the count modulo 2^P (sign-extended past T).
 * m is the spike pattern of |count|: for rate codes (binary, ternary) a run of |count| ones, bit t
 * being the spike at step t; for bitwise codes |count| itself, whose bit T-1-t is the spike at step
 * t (the first step carries the most significant bit; in two's complement it weighs -2^(T-1)).
 * With W the bits a field needs for T steps (T, plus a sign bit), P is the next power of two >= W,
 * so fields never straddle a byte or word, and a train takes at most 2 bits per spike slot
 * (W <= 2T and P < 2W).
 */
import { nextPowerOfTwo } from '../util/bits.js';
import { isBitwise, type SpikeScheme } from './schemes.js';

/** Largest T for rate (binary, ternary) trains: a guard against accidental huge allocations. */
export const MAX_RATE_T = 65536;

export interface Layout {
  readonly scheme: SpikeScheme;
  readonly T: number;
  /** rate code (one spike per unit) rather than one bit per step */
  readonly rate: boolean;
  readonly twos: boolean;
  /** sign in bit 0, magnitude above it */
  readonly signBit: boolean;
  /** bits per neuron field (power of two, 0 when T = 0) */
  readonly P: number;
  /** representable counts [lo, hi] at this T */
  readonly lo: number;
  readonly hi: number;
}

/** Bits a field needs for T steps. */
function fieldWidth(scheme: SpikeScheme, T: number): number {
  if (T === 0) return 0;
  return T + (scheme === 'ternary' || scheme === 'bitwise-bidirectional' ? 1 : 0);
}

/** Counts representable in T steps. */
export function countRange(scheme: SpikeScheme, T: number): [number, number] {
  switch (scheme) {
    case 'binary':
      return [0, T];
    case 'ternary':
      return [-T, T];
    case 'bitwise':
      return [0, 2 ** T - 1];
    case 'bitwise-bidirectional':
      return [-(2 ** T - 1), 2 ** T - 1];
    case 'bitwise-twos-complement':
      return [-(2 ** (T - 1)), 2 ** (T - 1) - 1];
  }
}

export function makeLayout(scheme: SpikeScheme, T: number): Layout {
  const W = fieldWidth(scheme, T);
  const [lo, hi] = countRange(scheme, T);
  return {
    scheme,
    T,
    rate: !isBitwise(scheme),
    twos: scheme === 'bitwise-twos-complement',
    signBit: scheme === 'ternary' || scheme === 'bitwise-bidirectional',
    P: W === 0 ? 0 : nextPowerOfTwo(W),
    lo,
    hi,
  };
}

/** The largest T whose fields still fit P bits. */
export function largestTForWidth(scheme: SpikeScheme, P: number): number {
  return scheme === 'ternary' || scheme === 'bitwise-bidirectional' ? P - 1 : P;
}

/** The P-bit field (P <= 32) that codes `count`. */
export function fieldOf(scheme: SpikeScheme, P: number, count: number): number {
  const a = count < 0 ? -count : count;
  switch (scheme) {
    case 'binary':
      return 2 ** a - 1;
    case 'ternary':
      return (2 ** a - 1) * 2 + (count < 0 ? 1 : 0);
    case 'bitwise':
      return a;
    case 'bitwise-bidirectional':
      return a * 2 + (count < 0 ? 1 : 0);
    case 'bitwise-twos-complement':
      return count >= 0 ? count : count + 2 ** P;
  }
}

/** Spike pattern m and sign of a P-bit field (P <= 32). */
export function splitField(scheme: SpikeScheme, P: number, field: number): { m: number; sign: 1 | -1 } {
  const f = field >>> 0;
  if (scheme === 'ternary' || scheme === 'bitwise-bidirectional') return { m: Math.floor(f / 2), sign: f % 2 === 1 ? -1 : 1 };
  if (scheme === 'bitwise-twos-complement') return { m: P === 32 ? f : f % 2 ** P, sign: 1 };
  return { m: f, sign: 1 };
}

/** The count a P-bit field (P <= 32) codes. */
export function countOfField(scheme: SpikeScheme, P: number, field: number, popcount: (x: number) => number): number {
  const { m, sign } = splitField(scheme, P, field);
  if (scheme === 'bitwise-twos-complement') return m >= 2 ** (P - 1) ? m - 2 ** P : m;
  return sign * (isBitwise(scheme) ? m : popcount(m));
}

const encodeTables = new Map<string, { table: Uint16Array; lo: number }>();
const decodeTables = new Map<string, Int32Array>();

/** Field of every count that fits P <= 16 bits, indexed by count - lo. */
export function encodeTable(scheme: SpikeScheme, P: number): { table: Uint16Array; lo: number } {
  const key = `${scheme}/${P}`;
  let entry = encodeTables.get(key);
  if (!entry) {
    const [lo, hi] = countRange(scheme, largestTForWidth(scheme, P));
    const table = new Uint16Array(hi - lo + 1);
    for (let c = lo; c <= hi; c++) table[c - lo] = fieldOf(scheme, P, c);
    entry = { table, lo };
    encodeTables.set(key, entry);
  }
  return entry;
}

/** Count of every P-bit field value (P <= 16); field values no count uses map to 0. */
export function decodeTable(scheme: SpikeScheme, P: number): Int32Array {
  const key = `${scheme}/${P}`;
  let table = decodeTables.get(key);
  if (!table) {
    const { table: enc, lo } = encodeTable(scheme, P);
    table = new Int32Array(2 ** P);
    for (let k = 0; k < enc.length; k++) table[enc[k]!] = lo + k;
    decodeTables.set(key, table);
  }
  return table;
}
