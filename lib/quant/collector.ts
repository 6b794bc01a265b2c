/**
 * Spike statistics collected at every W8ASpike projection of a model (report §5.5, Table 11,
 * Fig. 9): a model hook feeds the counts of each linear input under its projection name; the
 * collector reports, per name and overall, the number of values, zero fraction, mean popcount
 * (spikes per channel under bitwise-bidirectional coding), shares within 7 and over 16, the largest
 * |count| and a |count| histogram. Per call it reuses analysis/sparsity.ts's spikingStatistics and
 * spike/stats.ts's absCountHistogram, and keeps integer totals so calls add up exactly.
 */
import * as tf from '@tensorflow/tfjs';
import { spikingStatistics } from '../analysis/sparsity.js';
import { absCountHistogram } from '../spike/stats.js';
import { checkInteger } from '../util/validate.js';

export interface SpikeStatsSummary {
  /** counts added (tokens x channels, over all calls) */
  values: number;
  /** calls that added counts */
  calls: number;
  /** fraction of counts equal to 0 */
  zeroFraction: number;
  /** mean |count|: spikes per channel under a rate (ternary) code */
  meanAbs: number;
  /** mean popcount(|count|): spikes per channel under bitwise-bidirectional coding */
  meanPopcount: number;
  /** share of counts with |count| <= 7 (Table 11's "values <= 7") */
  within7: number;
  /** share of counts with |count| > 16 */
  over16: number;
  /** largest |count| */
  maxAbs: number;
  /** histogram[v] = counts with |count| = v for v < maxBin; histogram[maxBin] = counts with |count| >= maxBin */
  histogram: number[];
}

interface Totals {
  values: number;
  calls: number;
  zeros: number;
  absSum: number;
  popcount: number;
  within7: number;
  over16: number;
  maxAbs: number;
  histogram: number[];
}

export interface SpikeStatsCollectorOptions {
  /** last histogram bin, holding every |count| >= maxBin (default 32) */
  maxBin?: number;
}

export class SpikeStatsCollector {
  readonly maxBin: number;
  private readonly totals = new Map<string, Totals>();

  constructor(options: SpikeStatsCollectorOptions = {}) {
    const maxBin = options.maxBin ?? 32;
    checkInteger('maxBin', maxBin, 1);
    this.maxBin = maxBin;
  }

  /**
   * Adds a [rows, cols] matrix of counts under `name`: a tf.Tensor2D (read synchronously, not
   * disposed) or row-major numbers with rows and cols.
   */
  add(name: string, counts: tf.Tensor | ArrayLike<number>, rows?: number, cols?: number): void {
    if (typeof name !== 'string' || name === '') throw new TypeError(`name must be a non-empty string, got ${JSON.stringify(name)}`);
    let data: ArrayLike<number>;
    if (counts instanceof tf.Tensor) {
      if (counts.rank !== 2) throw new RangeError(`expected counts of shape [N, D], got [${counts.shape.join(', ')}]`);
      if (rows !== undefined || cols !== undefined)
        throw new TypeError('rows and cols are taken from the tensor; do not pass them with a tf.Tensor');
      [rows, cols] = counts.shape as [number, number];
      data = counts.dataSync();
    } else {
      if (counts == null || typeof counts.length !== 'number')
        throw new TypeError(`counts must be a tf.Tensor2D or an array of numbers, got ${counts}`);
      if (rows === undefined || cols === undefined) throw new TypeError('rows and cols are required when counts is an array');
      data = counts;
    }
    if (rows === 0) return;
    // validates rows, cols, length and integrality
    const s = spikingStatistics(data, rows!, cols!);
    const n = s.values;
    const hist = absCountHistogram(data, this.maxBin);
    let t = this.totals.get(name);
    if (t === undefined) {
      t = {
        values: 0,
        calls: 0,
        zeros: 0,
        absSum: 0,
        popcount: 0,
        within7: 0,
        over16: 0,
        maxAbs: 0,
        histogram: new Array<number>(this.maxBin + 1).fill(0),
      };
      this.totals.set(name, t);
    }
    // the statistics are exact ratios of integers over n: round recovers the integers
    t.values += n;
    t.calls += 1;
    t.zeros += Math.round(s.zeroFraction * n);
    t.absSum += Math.round(s.avgSpikesRate * n);
    t.popcount += Math.round(s.avgSpikesBitwise * n);
    t.within7 += Math.round(s.within7 * n);
    t.over16 += Math.round(s.over16 * n);
    t.maxAbs = Math.max(t.maxAbs, s.maxAbs);
    for (let b = 0; b <= this.maxBin; b++) t.histogram[b]! += hist.bins[b]!;
  }

  /** A callback for w8aspikeLinear's onCounts that adds to `name`. */
  hook(name: string): (counts: tf.Tensor2D) => void {
    if (typeof name !== 'string' || name === '') throw new TypeError(`name must be a non-empty string, got ${JSON.stringify(name)}`);
    return (counts) => this.add(name, counts);
  }

  /** Projection names in the order they were first seen. */
  names(): string[] {
    return [...this.totals.keys()];
  }

  /** Summary of one name, or of everything collected when name is omitted. */
  summary(name?: string): SpikeStatsSummary {
    if (name === undefined) return summarize([...this.totals.values()], this.maxBin);
    const t = this.totals.get(name);
    if (t === undefined) throw new RangeError(`no counts collected under ${JSON.stringify(name)}; names: ${JSON.stringify(this.names())}`);
    return summarize([t], this.maxBin);
  }

  /** Per-name summaries and the overall one. */
  report(): { byName: Record<string, SpikeStatsSummary>; overall: SpikeStatsSummary } {
    const byName: Record<string, SpikeStatsSummary> = {};
    for (const name of this.totals.keys()) {
      Object.defineProperty(byName, name, { value: this.summary(name), enumerable: true, writable: true, configurable: true });
    }
    return { byName, overall: this.summary() };
  }

  /** Forgets everything collected. */
  reset(): void {
    this.totals.clear();
  }
}

function summarize(list: Totals[], maxBin: number): SpikeStatsSummary {
  const sum = (key: 'values' | 'calls' | 'zeros' | 'absSum' | 'popcount' | 'within7' | 'over16'): number =>
    list.reduce((acc, t) => acc + t[key], 0);
  const n = sum('values');
  const ratio = (x: number): number => (n === 0 ? 0 : x / n);
  const histogram = new Array<number>(maxBin + 1).fill(0);
  for (const t of list) for (let b = 0; b <= maxBin; b++) histogram[b]! += t.histogram[b]!;
  return {
    values: n,
    calls: sum('calls'),
    zeroFraction: ratio(sum('zeros')),
    meanAbs: ratio(sum('absSum')),
    meanPopcount: ratio(sum('popcount')),
    within7: ratio(sum('within7')),
    over16: ratio(sum('over16')),
    maxAbs: list.reduce((m, t) => Math.max(m, t.maxAbs), 0),
    histogram,
  };
}
