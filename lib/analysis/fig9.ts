/**
 * Fig. 9 of report §5.5 ("binary spike count ratio within 3 steps": bars for 0, 1, 2 and >= 3
 * spikes) against the §5.5 text (69.15 % sparsity, 1.13 spikes per channel, 18.4 % silent, 94.1 %
 * within 7). The figure does not say what it counts, so each reading of its bars is worked out here.
 */
import { popcount32 } from '../util/bits.js';
import { checkInteger } from '../util/validate.js';

/**
 * Shares of counts that fire 0, 1, 2 and >= 3 spikes under bitwise-bidirectional coding (popcount of
 * |s|; counts over 2^window - 1 saturate to it when `clip`, else keep the bits they need).
 */
export function windowSpikeShares(counts: ArrayLike<number>, window = 3, clip = false): [number, number, number, number] {
  checkInteger('window', window, 1, 30);
  const n = counts.length;
  if (n === 0) throw new RangeError('counts must not be empty');
  const max = 2 ** window - 1;
  const bins = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const v = counts[i]!;
    if (!Number.isInteger(v) || Math.abs(v) > 0xffffffff) throw new TypeError(`counts[${i}] must be an integer within 32 bits, got ${v}`);
    const a = clip ? Math.min(Math.abs(v), max) : Math.abs(v);
    bins[Math.min(3, popcount32(a >>> 0))]!++;
  }
  return bins.map((b) => b / n) as [number, number, number, number];
}

export interface Fig9Readings {
  /** reading "spikes": bar c = share of (token, channel) counts firing c spikes in the 3-step window */
  spikes: {
    silentShare: number;
    /** mean spikes per count, the >= 3 bar taken as 3 (exact when the window holds at most 3) */
    meanAll: number;
    /** the same over the counts that fire */
    meanFiring: number;
    /** share of silent slots in the window: 1 - meanAll / window */
    slotSparsity: number;
  };
  /** reading "values": bar c = share of counts with |s| = c (>= 3 for the last) */
  values: {
    zeroShare: number;
    /** share of |s| <= 2: a lower bound on the share of |s| <= 7 */
    within7AtLeast: number;
  };
}

/** What Fig. 9's bars (percentages for 0, 1, 2, >= 3) imply under each reading. */
export function fig9Readings(barsPct: readonly number[], window = 3): Fig9Readings {
  if (barsPct.length !== 4 || !barsPct.every((b) => Number.isFinite(b) && b >= 0)) {
    throw new RangeError(`barsPct must be four shares (%) for 0, 1, 2 and >= 3, got ${JSON.stringify(barsPct)}`);
  }
  const total = barsPct.reduce((a, b) => a + b, 0);
  const p = barsPct.map((b) => b / total);
  const meanAll = p[1]! + 2 * p[2]! + 3 * p[3]!;
  return {
    spikes: { silentShare: p[0]!, meanAll, meanFiring: meanAll / (1 - p[0]!), slotSparsity: 1 - meanAll / window },
    values: { zeroShare: p[0]!, within7AtLeast: p[0]! + p[1]! + p[2]! },
  };
}

/**
 * windowSpikeShares from a |count| histogram (bins[v] for v < maxBin, the last bin for |count| >= maxBin):
 * the last bin's popcounts are unknown (>= 1), so its share is returned apart as `unresolved`.
 */
export function windowSpikeSharesFromHistogram(bins: readonly number[]): { shares: [number, number, number, number]; unresolved: number } {
  if (bins.length < 2 || !bins.every((b) => Number.isFinite(b) && b >= 0)) throw new RangeError('bins must be at least two counts >= 0');
  const total = bins.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError('bins must not all be 0');
  const shares: [number, number, number, number] = [0, 0, 0, 0];
  for (let v = 0; v < bins.length - 1; v++) shares[Math.min(3, popcount32(v))] += bins[v]! / total;
  return { shares, unresolved: bins[bins.length - 1]! / total };
}
