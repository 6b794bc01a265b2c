/**
 * Plain reference encoders: one Int8 per spike slot, step by step like Int2Spike's
 * charge / fire / reset loop. Slow and memory-hungry on purpose; tests compare the packed
 * encoders with these, and the benchmark uses them as its baseline.
 */
import { assertNumericArrayLike } from '../util/arrays.js';
import { makeLayout } from './layout.js';
import { isBitwise, type SpikeScheme } from './schemes.js';

/** Dense time-major train [T, n] of counts already known to fit T steps. */
export function naiveEncode(counts: ArrayLike<number>, scheme: SpikeScheme, T: number): Int8Array {
  assertNumericArrayLike(counts, 'counts');
  const n = counts.length;
  const dense = new Int8Array(T * n);
  const { lo, hi } = makeLayout(scheme, T);
  if (!isBitwise(scheme)) {
    // fire ±1 while charge remains, subtracting each spike (the LIF reset)
    for (let i = 0; i < n; i++) {
      let remain = counts[i]!;
      if (remain < lo || remain > hi) throw new RangeError(`counts[${i}] = ${remain} does not fit T = ${T}`);
      for (let t = 0; t < T; t++) {
        const s = Math.sign(remain);
        dense[t * n + i] = s;
        remain -= s;
      }
    }
    return dense;
  }
  const twos = scheme === 'bitwise-twos-complement';
  for (let i = 0; i < n; i++) {
    const c = counts[i]!;
    if (c < lo || c > hi) throw new RangeError(`counts[${i}] = ${c} does not fit T = ${T}`);
    const bits = twos ? (c < 0 ? c + 2 ** T : c) : Math.abs(c);
    const sign = !twos && c < 0 ? -1 : 1;
    for (let t = 0; t < T; t++) dense[t * n + i] = Math.floor(bits / 2 ** (T - 1 - t)) % 2 === 1 ? sign : 0;
  }
  return dense;
}

/** Counts of a dense time-major train [T, n]. */
export function naiveDecode(dense: Int8Array, scheme: SpikeScheme, T: number, n: number): Int32Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  if (!Number.isSafeInteger(T) || T < 0) throw new RangeError(`T must be an integer >= 0, got ${T}`);
  if (dense.length !== T * n) throw new RangeError(`dense must hold T*n = ${T * n} values, got ${dense.length}`);
  const out = new Int32Array(n);
  for (let t = 0; t < T; t++) {
    let weight = isBitwise(scheme) ? 2 ** (T - 1 - t) : 1;
    if (scheme === 'bitwise-twos-complement' && t === 0) weight = -weight;
    for (let i = 0; i < n; i++) out[i]! += weight * dense[t * n + i]!;
  }
  return out;
}
