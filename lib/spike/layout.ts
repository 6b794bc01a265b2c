/**
 * Packed layout of a spike train (report §3.3.2; Int2Spike semantics).
 *
 * Each neuron keeps one P-bit field. Bits 0..T-1 hold its spikes, step t at bit T-1-t, so a
 * bitwise train's field is the count's binary digits (first step = most significant bit) and a
 * rate train's field is a run of ones at the top (steps 0..|c|-1 fire). Signed schemes whose
 * spikes all share the count's sign (ternary, bitwise-bidirectional) add one sign bit at bit T;
 * two's complement needs none: its spikes are all +1 and the first step weighs -2^(T-1).
 * P is the next power of two >= the field width W, so fields never straddle a word and a
 * train takes at most 2 bits per spike slot (W <= 2T and P < 2W).
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
  /** one shared sign bit at bit T */
  readonly signBit: boolean;
  /** bits per neuron field (power of two, 0 when T = 0) */
  readonly P: number;
  /** representable counts [lo, hi] */
  readonly lo: number;
  readonly hi: number;
}

export function makeLayout(scheme: SpikeScheme, T: number): Layout {
  const rate = !isBitwise(scheme);
  const twos = scheme === 'bitwise-twos-complement';
  const signBit = scheme === 'ternary' || scheme === 'bitwise-bidirectional';
  const W = T === 0 ? 0 : T + (signBit ? 1 : 0);
  const P = W === 0 ? 0 : nextPowerOfTwo(W);
  let lo: number;
  let hi: number;
  switch (scheme) {
    case 'binary':
      [lo, hi] = [0, T];
      break;
    case 'ternary':
      [lo, hi] = [-T, T];
      break;
    case 'bitwise':
      [lo, hi] = [0, 2 ** T - 1];
      break;
    case 'bitwise-bidirectional':
      [lo, hi] = [-(2 ** T - 1), 2 ** T - 1];
      break;
    case 'bitwise-twos-complement':
      [lo, hi] = [-(2 ** (T - 1)), 2 ** (T - 1) - 1];
      break;
  }
  return { scheme, T, rate, twos, signBit, P, lo, hi };
}

/** The P-bit field (P <= 32) that codes `count` (assumed within [lo, hi]). */
export function fieldOf(layout: Layout, count: number): number {
  const { T, rate, twos, signBit } = layout;
  const a = count < 0 ? -count : count;
  let m: number;
  if (twos) m = count >= 0 ? count : count + 2 ** T;
  else if (rate) m = a === 0 ? 0 : (2 ** a - 1) * 2 ** (T - a);
  else m = a;
  return signBit && count < 0 ? m + 2 ** T : m;
}

/** The count a P-bit field (P <= 32) codes. */
export function countOfField(layout: Layout, field: number, popcount: (x: number) => number): number {
  const { T, rate, twos, signBit } = layout;
  const m = T >= 32 ? field >>> 0 : (field >>> 0) % 2 ** T;
  let value: number;
  if (twos) value = m >= 2 ** (T - 1) ? m - 2 ** T : m;
  else value = rate ? popcount(m) : m;
  const negative = signBit && Math.floor((field >>> 0) / 2 ** T) % 2 === 1;
  return negative ? -value : value;
}

const encodeTables = new Map<string, Uint16Array>();
const decodeTables = new Map<string, Int32Array>();

/** Field of every representable count, indexed by count - lo (P <= 16 only). */
export function encodeTable(layout: Layout): Uint16Array {
  const key = `${layout.scheme}/${layout.T}`;
  let table = encodeTables.get(key);
  if (!table) {
    table = new Uint16Array(layout.hi - layout.lo + 1);
    for (let c = layout.lo; c <= layout.hi; c++) table[c - layout.lo] = fieldOf(layout, c);
    encodeTables.set(key, table);
  }
  return table;
}

/** Count of every field value (P <= 16 only); unused field values map to 0. */
export function decodeTable(layout: Layout): Int32Array {
  const key = `${layout.scheme}/${layout.T}`;
  let table = decodeTables.get(key);
  if (!table) {
    const enc = encodeTable(layout);
    table = new Int32Array(2 ** layout.P);
    for (let c = layout.lo; c <= layout.hi; c++) table[enc[c - layout.lo]!] = c;
    decodeTables.set(key, table);
  }
  return table;
}
