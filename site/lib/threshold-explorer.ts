/**
 * The computation behind the threshold explorer (report §3.3.1, eq. 25; §5.5), shared by its build-time
 * render and its browser script: library calls only (reference activations -> adaptive threshold ->
 * statistics -> eq. 24). No figure code here: the browser loads Plot only when it redraws.
 */
import { REFERENCE_DISTRIBUTIONS, referenceActivations, type ReferenceDistribution } from '../../lib/analysis/distributions.js';
import { spikingStatistics, type SpikingStatistics } from '../../lib/analysis/sparsity.js';
import { adaptiveThresholdSpikes } from '../../lib/spike/adaptive.js';
import { absCountHistogram } from '../../lib/spike/stats.js';
import { spikingMacEnergy } from '../../lib/energy/model.js';
import type { HistogramOptions, HistogramRow } from '../../lib/plots/histogram.js';
import type { Limits } from './widget.js';

export interface Exploration {
  kind: ReferenceDistribution;
  k: number;
  rows: number;
  cols: number;
  stats: SpikingStatistics;
  shares: number[];
  energyPj: number;
}

const ROWS = 32,
  COLS = 3584,
  SEED = 42,
  MAX_BIN = 16;
const cache = new Map<ReferenceDistribution, Float32Array>();

/** k as the slider allows it: the threshold is mean(|x|) / k. */
export const K_LIMITS: Limits = { min: 1, max: 6 };

export function explore(kind: ReferenceDistribution, k: number): Exploration {
  if (!REFERENCE_DISTRIBUTIONS.includes(kind))
    throw new RangeError(`distribution must be one of ${REFERENCE_DISTRIBUTIONS.join(', ')}; got ${kind}`);
  if (!(Number.isFinite(k) && k >= K_LIMITS.min && k <= K_LIMITS.max))
    throw new RangeError(`k must be a number in [${K_LIMITS.min}, ${K_LIMITS.max}], got ${k}`);
  let x = cache.get(kind);
  if (!x) cache.set(kind, (x = referenceActivations(kind, ROWS, COLS, SEED)));
  const { counts } = adaptiveThresholdSpikes(x, ROWS, COLS, k);
  const stats = spikingStatistics(counts, ROWS, COLS);
  const h = absCountHistogram(counts, MAX_BIN);
  return {
    kind,
    k,
    rows: ROWS,
    cols: COLS,
    stats,
    shares: h.bins.map((b) => b / h.total),
    energyPj: spikingMacEnergy(stats.avgSpikesBitwise),
  };
}

/** The histogram's rows: share of |counts| per bin, the last bin gathering everything from MAX_BIN up. */
export function histogramRows(r: Exploration): HistogramRow[] {
  return r.shares.map((share, i) => ({ bin: i === MAX_BIN ? `≥${MAX_BIN}` : String(i), share, series: `k = ${r.k}` }));
}

export const HISTOGRAM_OPTIONS: HistogramOptions = { xLabel: '|s|', yLabel: 'share of counts', percent: true, width: 600, height: 260 };

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** The readouts, formatted, by data-out name: the same text at build time and in the browser. */
export function thresholdReadout(r: Exploration): Record<string, string> {
  return {
    k: String(r.k),
    sparsity: pct(r.stats.sparsity.windowExtended),
    avgSpikes: r.stats.avgSpikesBitwise.toFixed(3),
    zero: pct(r.stats.zeroFraction),
    energy: `${r.energyPj.toFixed(4)} pJ`,
    within7: pct(r.stats.within7),
    over16: pct(r.stats.over16),
  };
}
