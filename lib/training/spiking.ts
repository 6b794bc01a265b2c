/**
 * Spiking on real activations (report §3.3, §5.5, Table 11, Fig. 9, Table 3): switch a trained
 * model to W8ASpike (INT8 weights, adaptive-threshold spike counts at every projection input, Vth =
 * mean|x| / k per token), run the fixed validation windows, and compute every sparsity definition
 * of analysis/sparsity.ts per projection, per projection type and overall, with |count| histograms
 * and the validation loss under spiking.
 */
import { spikingStatistics, type SpikingStatistics } from '../analysis/sparsity.js';
import type { SpikingBrainModel } from '../models/index.js';
import { absCountHistogram } from '../spike/stats.js';
import { evaluateLoss } from './evaluate.js';

export interface CountStats extends SpikingStatistics {
  /** |count| histogram: bins[v] for v < maxBin, bins[maxBin] for |count| >= maxBin */
  histogram: number[];
}

export interface RealSpikingResult {
  k: number;
  /** validation loss with INT8 weights and spiking activations */
  loss: number;
  /** per projection, e.g. "model.layers.0.attn.q_proj" (silentColumnFraction: channels silent on every token) */
  byName: Record<string, CountStats>;
  /** per projection type, e.g. "attn.q_proj" (all layers' counts stacked) */
  byType: Record<string, CountStats>;
  /** every count of every projection; silentColumnFraction is not meaningful here (no common channel axis) */
  overall: CountStats;
}

/** "model.layers.3.mlp.down_proj" -> "mlp.down_proj". */
export function projectionType(name: string): string {
  const parts = name.split('.');
  return parts[0] === 'model' && parts[1] === 'layers' ? parts.slice(3).join('.') : name;
}

interface Store {
  cols: number;
  chunks: Int32Array[];
}

function concat(chunks: Int32Array[]): Int32Array {
  const out = new Int32Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function stats(counts: Int32Array, cols: number, maxBin: number, window: number): CountStats {
  return { ...spikingStatistics(counts, counts.length / cols, cols, window), histogram: absCountHistogram(counts, maxBin).bins };
}

/**
 * Runs the windows with W8ASpike at threshold k, collects the counts of every projection input
 * (lm_head stays float) and restores float mode. The model's weights are not changed.
 */
export function measureSpiking(
  model: SpikingBrainModel,
  windows: readonly number[][],
  k: number,
  o: { batchSize?: number; maxBin?: number; window?: number; groupSize?: number } = {},
): RealSpikingResult {
  const maxBin = o.maxBin ?? 32;
  const window = o.window ?? 3;
  const stores = new Map<string, Store>();
  model.setW8ASpike(true, { k, groupSize: o.groupSize });
  model.setSpikeCountHook((name, c) => {
    const cols = c.shape[1];
    let s = stores.get(name);
    if (!s) stores.set(name, (s = { cols, chunks: [] }));
    s.chunks.push(Int32Array.from(c.dataSync()));
  });
  let loss: number;
  try {
    loss = evaluateLoss(model, windows, o.batchSize ?? 16);
  } finally {
    model.setSpikeCountHook(null);
    model.setW8ASpike(false);
  }
  const byName: Record<string, CountStats> = {};
  const typeChunks = new Map<string, Store>();
  const all: Int32Array[] = [];
  for (const [name, s] of stores) {
    const counts = concat(s.chunks);
    byName[name] = stats(counts, s.cols, maxBin, window);
    const t = projectionType(name);
    let ts = typeChunks.get(t);
    if (!ts) typeChunks.set(t, (ts = { cols: s.cols, chunks: [] }));
    ts.chunks.push(counts);
    all.push(counts);
  }
  const byType: Record<string, CountStats> = {};
  for (const [t, s] of typeChunks) byType[t] = stats(concat(s.chunks), s.cols, maxBin, window);
  const flat = concat(all);
  return { k, loss, byName, byType, overall: stats(flat, 1, maxBin, window) };
}
