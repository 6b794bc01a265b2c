/**
 * Spike statistics the experiments need (report §5.5, Table 11, Fig. 9): firing rate, sparsity,
 * silent channels, the histogram of |counts| and time steps per scheme.
 */
import { assertNumericArrayLike } from '../util/arrays.js';
import { stepsNeeded, type SpikeScheme } from './schemes.js';
import type { SpikeTrain } from './train.js';
import { checkInteger } from '../util/validate.js';

/** Fraction of spike slots (T x neurons) that stay silent: 1 - firing rate. */
export function spikeSparsity(train: SpikeTrain): number {
  return train.T * train.length === 0 ? 0 : 1 - train.firingRate();
}

/** Fraction of counts equal to zero (a neuron that never fires). */
export function zeroFraction(counts: ArrayLike<number>): number {
  assertNumericArrayLike(counts, 'counts');
  if (counts.length === 0) return 0;
  let zeros = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] === 0) zeros++;
  return zeros / counts.length;
}

/** Mean |count| over all entries: average spikes per channel under a rate code. */
export function meanAbsCount(counts: ArrayLike<number>): number {
  assertNumericArrayLike(counts, 'counts');
  if (counts.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += Math.abs(counts[i]!);
  return sum / counts.length;
}

/**
 * Fraction of channels (columns of a row-major [rows, cols] count matrix) that are zero in every
 * row. With rows = 1 this is the zero fraction of a single token.
 */
export function silentChannelFraction(counts: ArrayLike<number>, rows: number, cols: number): number {
  assertNumericArrayLike(counts, 'counts');
  if (counts.length !== rows * cols) {
    throw new RangeError(`expected counts of length rows*cols = ${rows * cols}, got ${counts.length}`);
  }
  if (cols === 0) return 0;
  let silent = 0;
  for (let c = 0; c < cols; c++) {
    let any = false;
    for (let r = 0; r < rows && !any; r++) any = counts[r * cols + c] !== 0;
    if (!any) silent++;
  }
  return silent / cols;
}

/** Fraction of counts with |count| <= limit (Table 11's "values <= 7" with limit 7). */
export function shareWithin(counts: ArrayLike<number>, limit: number): number {
  assertNumericArrayLike(counts, 'counts');
  if (counts.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < counts.length; i++) if (Math.abs(counts[i]!) <= limit) n++;
  return n / counts.length;
}

/**
 * Histogram of |counts|: bins[v] = number of counts with |count| = v for v < maxBin, and
 * bins[maxBin] counts everything >= maxBin (nothing is dropped).
 */
export function absCountHistogram(counts: ArrayLike<number>, maxBin = 32): { bins: number[]; total: number } {
  assertNumericArrayLike(counts, 'counts');
  checkInteger('maxBin', maxBin, 1);
  const bins = new Array<number>(maxBin + 1).fill(0);
  for (let i = 0; i < counts.length; i++) {
    const a = Math.abs(counts[i]!);
    bins[a >= maxBin ? maxBin : a]!++;
  }
  return { bins, total: counts.length };
}

/** Time steps each count needs under every scheme (signed counts skip the unsigned schemes). */
export function stepsByScheme(count: number): Partial<Record<SpikeScheme, number>> {
  const out: Partial<Record<SpikeScheme, number>> = {};
  const schemes: SpikeScheme[] =
    count < 0
      ? ['ternary', 'bitwise-bidirectional', 'bitwise-twos-complement']
      : ['binary', 'ternary', 'bitwise', 'bitwise-bidirectional', 'bitwise-twos-complement'];
  for (const s of schemes) out[s] = stepsNeeded(count, s);
  return out;
}
