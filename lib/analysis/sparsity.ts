/**
 * Every candidate definition of spiking sparsity and activity (report §5.5, Fig. 9, Table 11), on one
 * matrix of adaptive-threshold counts. The report states 69.15 % sparsity, 1.13 spikes per channel,
 * 18.4 % silent channels and 94.1 % of values within 7 without fixing every definition; computing them
 * all side by side shows which reading gives which number.
 */
import { bitLength } from '../spike/schemes.js';
import { popcount32 } from '../util/bits.js';
import { adaptiveThresholdSpikes } from '../spike/adaptive.js';
import { checkInteger } from '../util/validate.js';

export interface SpikingStatistics {
  /** counts analysed (rows x cols) */
  values: number;
  /** fraction of counts that are 0: a channel that fires no spike for this token */
  zeroFraction: number;
  /** fraction of channels (columns) silent for every token of the matrix */
  silentColumnFraction: number;
  /** mean |s| over all counts: spikes per channel under a rate (ternary) code */
  avgSpikesRate: number;
  /** mean popcount(|s|) over all counts: spikes per channel under bitwise(-bidirectional) coding */
  avgSpikesBitwise: number;
  /** mean popcount(|s|) over the counts that fire (s != 0) */
  avgSpikesBitwiseFiring: number;
  /** share of counts with |s| <= 7 (the INT3 range, Table 11's "values <= 7") */
  within7: number;
  /** share of counts with |s| > 16 */
  over16: number;
  /** largest |s| */
  maxAbs: number;
  /** the sparsity definitions, each a fraction of silent spike slots (or values) */
  sparsity: {
    /** fraction of counts equal to 0 (value-level sparsity, no time axis) */
    zeroValues: number;
    /**
     * bitwise-bidirectional with a window of `window` steps per channel, inactive bits filled with 0;
     * counts that need more bits keep them (slots = max(window, bits))
     */
    windowExtended: number;
    /** the same window with |s| saturated to 2^window - 1, as an INT3 datapath would */
    windowClipped: number;
    /** bitwise-bidirectional with one T for the whole matrix, from its largest count (Int2Spike default) */
    tensorT: number;
    /** ternary rate code with T = the largest |s| (Int2Spike default for ternary) */
    ternaryTensorT: number;
  };
}

/**
 * The integers every statistic is a ratio of, for one matrix of counts: matrices (or batches) add up
 * exactly by summing them (SpikeStatsCollector does), and statisticsFromTotals turns them into ratios.
 */
export interface SpikeCountTotals {
  /** window (steps per channel) the slot totals were counted with */
  window: number;
  values: number;
  zeros: number;
  sumAbs: number;
  /** sum of popcount(|s|) */
  spikes: number;
  within7: number;
  over16: number;
  maxAbs: number;
  /** sum of max(window, bitLength(|s|)) */
  extendedSlots: number;
  /** spikes with |s| saturated to 2^window - 1 */
  clippedSpikes: number;
  /** columnFires[c] = 1 when column c has a non-zero count */
  columnFires: Uint8Array;
}

/** Totals of a row-major [rows, cols] matrix of integer counts; `window` defaults to 3 steps. */
export function spikeCountTotals(counts: ArrayLike<number>, rows: number, cols: number, window = 3): SpikeCountTotals {
  checkInteger('rows', rows, 1);
  checkInteger('cols', cols, 1);
  if (counts == null || counts.length !== rows * cols) {
    throw new RangeError(`expected counts of length rows*cols = ${rows * cols}, got ${counts?.length}`);
  }
  checkInteger('window', window, 1, 30);
  const n = rows * cols;
  const clipMax = 2 ** window - 1;
  let zeros = 0,
    sumAbs = 0,
    spikes = 0,
    within7 = 0,
    over16 = 0,
    maxAbs = 0;
  let extendedSlots = 0,
    clippedSpikes = 0;
  const columnFires = new Uint8Array(cols);
  for (let i = 0; i < n; i++) {
    const v = counts[i]!;
    if (!Number.isInteger(v)) throw new TypeError(`counts[${i}] must be an integer, got ${v}`);
    const a = Math.abs(v);
    if (a === 0) zeros++;
    else columnFires[i % cols] = 1;
    sumAbs += a;
    const bits = popcountOf(a);
    spikes += bits;
    clippedSpikes += a > clipMax ? window : bits;
    extendedSlots += Math.max(window, bitLength(a));
    if (a <= 7) within7++;
    if (a > 16) over16++;
    if (a > maxAbs) maxAbs = a;
  }
  return { window, values: n, zeros, sumAbs, spikes, within7, over16, maxAbs, extendedSlots, clippedSpikes, columnFires };
}

/** The statistics of a set of totals (at least one value). */
export function statisticsFromTotals(t: SpikeCountTotals): SpikingStatistics {
  const { window, values: n, zeros, sumAbs, spikes, maxAbs, columnFires } = t;
  if (!(n >= 1)) throw new RangeError(`totals must cover at least one value, got values = ${n}`);
  const cols = columnFires.length;
  let silentColumns = 0;
  for (let c = 0; c < cols; c++) if (!columnFires[c]) silentColumns++;
  const tensorT = Math.max(1, bitLength(maxAbs));
  return {
    values: n,
    zeroFraction: zeros / n,
    silentColumnFraction: silentColumns / cols,
    avgSpikesRate: sumAbs / n,
    avgSpikesBitwise: spikes / n,
    avgSpikesBitwiseFiring: zeros === n ? 0 : spikes / (n - zeros),
    within7: t.within7 / n,
    over16: t.over16 / n,
    maxAbs,
    sparsity: {
      zeroValues: zeros / n,
      windowExtended: 1 - spikes / t.extendedSlots,
      windowClipped: 1 - t.clippedSpikes / (window * n),
      tensorT: 1 - spikes / (tensorT * n),
      ternaryTensorT: maxAbs === 0 ? 1 : 1 - sumAbs / (maxAbs * n),
    },
  };
}

/** Statistics of a row-major [rows, cols] matrix of integer counts; `window` defaults to 3 steps. */
export function spikingStatistics(counts: ArrayLike<number>, rows: number, cols: number, window = 3): SpikingStatistics {
  return statisticsFromTotals(spikeCountTotals(counts, rows, cols, window));
}

/** Set bits of a non-negative integer up to 2^53 (popcount32 covers one word). */
function popcountOf(a: number): number {
  return a <= 0xffffffff ? popcount32(a >>> 0) : popcount32((a % 2 ** 32) >>> 0) + popcount32(Math.floor(a / 2 ** 32));
}

export interface KSweepRow {
  k: number;
  stats: SpikingStatistics;
}

/** Adaptive-threshold counts and their statistics for each k (Table 11's sweep) on one activation matrix. */
export function kSweep(x: Float32Array, rows: number, cols: number, ks: readonly number[], window = 3): KSweepRow[] {
  return ks.map((k) => ({ k, stats: spikingStatistics(adaptiveThresholdSpikes(x, rows, cols, k).counts, rows, cols, window) }));
}
