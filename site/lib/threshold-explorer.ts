/**
 * The computation behind the threshold explorer, shared by its build-time render and its browser
 * script: library calls only (reference activations -> adaptive threshold -> statistics -> eq. 24).
 */
import { referenceActivations, type ReferenceDistribution } from '../../lib/analysis/distributions.js';
import { spikingStatistics, type SpikingStatistics } from '../../lib/analysis/sparsity.js';
import { adaptiveThresholdSpikes } from '../../lib/spike/adaptive.js';
import { absCountHistogram } from '../../lib/spike/stats.js';
import { spikingMacEnergy } from '../../lib/energy/model.js';
import { groupedHistogram } from '../../lib/plots/histogram.js';

export interface Exploration {
  kind: ReferenceDistribution;
  k: number;
  rows: number;
  cols: number;
  stats: SpikingStatistics;
  shares: number[];
  energyPj: number;
}

const ROWS = 32, COLS = 3584, SEED = 42, MAX_BIN = 16;
const cache = new Map<ReferenceDistribution, Float32Array>();

export function explore(kind: ReferenceDistribution, k: number): Exploration {
  let x = cache.get(kind);
  if (!x) cache.set(kind, (x = referenceActivations(kind, ROWS, COLS, SEED)));
  const { counts } = adaptiveThresholdSpikes(x, ROWS, COLS, k);
  const stats = spikingStatistics(counts, ROWS, COLS);
  const h = absCountHistogram(counts, MAX_BIN);
  return { kind, k, rows: ROWS, cols: COLS, stats, shares: h.bins.map((b) => b / h.total), energyPj: spikingMacEnergy(stats.avgSpikesBitwise) };
}

export function histogramFigure(r: Exploration, document: Document) {
  const rows = r.shares.map((share, i) => ({ bin: i === MAX_BIN ? `≥${MAX_BIN}` : String(i), share, series: `k = ${r.k}` }));
  return groupedHistogram(rows, { xLabel: '|s|', width: 600, height: 240, document });
}
