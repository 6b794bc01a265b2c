/**
 * Zero-point shifts of Int2Spike's `spike_quant` (neuron.py): before coding, a non-negative
 * count tensor given to a bidirectional coder is halved into a signed one (x - ceil(x/2), the
 * rest moving into the zero point), and a signed tensor given to an unsigned coder is shifted by
 * its minimum. Adding the shift back to the decoded counts restores the input.
 */
import { assertNumericArrayLike } from '../util/arrays.js';
import { isSigned, type SpikeScheme } from './schemes.js';

export interface ShiftedCounts {
  /** counts to code */
  counts: Int32Array;
  /** what was subtracted from each count: original = counts + shift */
  shift: Int32Array;
}

/** The shift spike_quant applies for `scheme`, or none when the counts already suit it. */
export function zeroPointShift(counts: ArrayLike<number>, scheme: SpikeScheme): ShiftedCounts {
  assertNumericArrayLike(counts, 'counts');
  const n = counts.length;
  const out = Int32Array.from(counts);
  const shift = new Int32Array(n);
  let min = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(counts[i])) throw new TypeError(`counts[${i}] must be an integer, got ${counts[i]}`);
    if (out[i]! < min) min = out[i]!;
  }
  if (isSigned(scheme) && min >= 0 && scheme !== 'bitwise-twos-complement') {
    for (let i = 0; i < n; i++) {
      const half = Math.ceil(out[i]! / 2);
      out[i]! -= half;
      shift[i] = half;
    }
  } else if (!isSigned(scheme) && min < 0) {
    for (let i = 0; i < n; i++) {
      out[i]! -= min;
      shift[i] = min;
    }
  }
  return { counts: out, shift };
}
