/**
 * Spike statistics collected at every W8ASpike projection of a model (report §5.5, Table 11,
 * Fig. 9), the one place a model's spike counts are measured: a model hook feeds the counts of each
 * linear input under its projection name; the collector reports, per name, per group of names and
 * overall, every statistic and sparsity definition of analysis/sparsity.ts plus a |count|
 * histogram. It keeps the integer totals (spikeCountTotals) rather than the counts, so calls add up
 * exactly: a summary equals spikingStatistics of all its counts stacked, bit for bit.
 */
import * as tf from '@tensorflow/tfjs';
import { spikeCountTotals, statisticsFromTotals, type SpikeCountTotals, type SpikingStatistics } from '../analysis/sparsity.js';
import { absCountHistogram } from '../spike/stats.js';
import { checkInteger } from '../util/validate.js';

export interface SpikeStatsSummary extends SpikingStatistics {
  /** histogram[v] = counts with |count| = v for v < maxBin; histogram[maxBin] = counts with |count| >= maxBin */
  histogram: number[];
}

interface Entry {
  totals: SpikeCountTotals;
  histogram: number[];
}

export interface SpikeStatsCollectorOptions {
  /** last histogram bin, holding every |count| >= maxBin (default 32) */
  maxBin?: number;
  /** steps per channel of the window sparsity definitions (default 3) */
  window?: number;
}

export class SpikeStatsCollector {
  readonly maxBin: number;
  readonly window: number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: SpikeStatsCollectorOptions = {}) {
    const maxBin = options.maxBin ?? 32;
    const window = options.window ?? 3;
    checkInteger('maxBin', maxBin, 1);
    checkInteger('window', window, 1, 30);
    this.maxBin = maxBin;
    this.window = window;
  }

  /**
   * Adds a [rows, cols] matrix of counts under `name`: a tf.Tensor2D (read synchronously, not
   * disposed) or row-major numbers with rows and cols. Every call under one name has the same cols.
   */
  add(name: string, counts: tf.Tensor | ArrayLike<number>, rows?: number, cols?: number): void {
    checkName(name);
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
    const totals = spikeCountTotals(data, rows!, cols!, this.window);
    const histogram = absCountHistogram(data, this.maxBin).bins;
    const entry = this.entries.get(name);
    if (entry === undefined) {
      this.entries.set(name, { totals, histogram });
      return;
    }
    const have = entry.totals.columnFires.length;
    if (have !== cols) throw new RangeError(`counts under ${JSON.stringify(name)} have ${have} columns, got ${cols}`);
    this.entries.set(name, merge([entry, { totals, histogram }], 'by-index'));
  }

  /** A callback for w8aspikeLinear's onCounts that adds to `name`. */
  hook(name: string): (counts: tf.Tensor2D) => void {
    checkName(name);
    return (counts) => this.add(name, counts);
  }

  /** Projection names in the order they were first seen. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Summary of one name; of several names stacked (their channels matched by index, so they must
   * have the same number of columns); or, with no argument, of everything collected, where the
   * names share no channel axis: silentColumnFraction is then 1 only when every count is 0.
   */
  summary(names?: string | readonly string[]): SpikeStatsSummary {
    if (names === undefined) {
      if (this.entries.size === 0) throw new RangeError('no counts collected yet');
      return summarize(merge([...this.entries.values()], 'one-column'));
    }
    const list = typeof names === 'string' ? [names] : names;
    if (list.length === 0) throw new RangeError('names must list at least one name');
    const entries = list.map((name) => {
      const e = this.entries.get(name);
      if (e === undefined)
        throw new RangeError(`no counts collected under ${JSON.stringify(name)}; names: ${JSON.stringify(this.names())}`);
      return e;
    });
    const widths = new Set(entries.map((e) => e.totals.columnFires.length));
    if (widths.size > 1) throw new RangeError(`names ${JSON.stringify(list)} have different widths: ${[...widths].join(', ')} columns`);
    return summarize(entries.length === 1 ? entries[0]! : merge(entries, 'by-index'));
  }

  /** Per-name summaries and the overall one. */
  report(): { byName: Record<string, SpikeStatsSummary>; overall: SpikeStatsSummary } {
    const byName: Record<string, SpikeStatsSummary> = {};
    for (const name of this.entries.keys()) {
      Object.defineProperty(byName, name, { value: this.summary(name), enumerable: true, writable: true, configurable: true });
    }
    return { byName, overall: this.summary() };
  }

  /** Forgets everything collected. */
  reset(): void {
    this.entries.clear();
  }
}

function checkName(name: string): void {
  if (typeof name !== 'string' || name === '') throw new TypeError(`name must be a non-empty string, got ${JSON.stringify(name)}`);
}

/** Adds entries; columns OR by index (same widths) or collapse to one column (any widths). */
function merge(list: readonly Entry[], columns: 'by-index' | 'one-column'): Entry {
  const first = list[0]!.totals;
  const fires = new Uint8Array(columns === 'by-index' ? first.columnFires.length : 1);
  const t: SpikeCountTotals = {
    ...first,
    values: 0,
    zeros: 0,
    sumAbs: 0,
    spikes: 0,
    within7: 0,
    over16: 0,
    maxAbs: 0,
    extendedSlots: 0,
    clippedSpikes: 0,
    columnFires: fires,
  };
  const histogram = new Array<number>(list[0]!.histogram.length).fill(0);
  for (const e of list) {
    const s = e.totals;
    t.values += s.values;
    t.zeros += s.zeros;
    t.sumAbs += s.sumAbs;
    t.spikes += s.spikes;
    t.within7 += s.within7;
    t.over16 += s.over16;
    t.extendedSlots += s.extendedSlots;
    t.clippedSpikes += s.clippedSpikes;
    t.maxAbs = Math.max(t.maxAbs, s.maxAbs);
    if (columns === 'by-index') for (let c = 0; c < fires.length; c++) fires[c]! |= s.columnFires[c]!;
    else if (s.zeros < s.values) fires[0] = 1;
    for (let b = 0; b < histogram.length; b++) histogram[b]! += e.histogram[b]!;
  }
  return { totals: t, histogram };
}

function summarize(e: Entry): SpikeStatsSummary {
  return { ...statisticsFromTotals(e.totals), histogram: [...e.histogram] };
}
