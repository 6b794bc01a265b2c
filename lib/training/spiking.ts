/**
 * Spiking on real activations (report §3.3, §5.5, Table 11, Fig. 9, Table 3): switch a trained
 * model to W8ASpike (INT8 weights, adaptive-threshold spike counts at every projection input, Vth =
 * mean|x| / k per token), run the fixed validation windows, and report the validation loss under
 * spiking with quant/collector.ts's statistics (every sparsity definition of analysis/sparsity.ts,
 * |count| histograms) per projection, per projection type and overall.
 */
import type { SpikingBrainModel } from '../models/index.js';
import { SpikeStatsCollector, type SpikeStatsSummary } from '../quant/collector.js';
import { evaluateLoss } from './evaluate.js';

export interface RealSpikingResult {
  k: number;
  /** validation loss with INT8 weights and spiking activations */
  loss: number;
  /** per projection, e.g. "model.layers.0.attn.q_proj" (silentColumnFraction: channels silent on every token) */
  byName: Record<string, SpikeStatsSummary>;
  /** per projection type, e.g. "attn.q_proj" (all layers' counts stacked, channels matched by index) */
  byType: Record<string, SpikeStatsSummary>;
  /** every count of every projection; silentColumnFraction is not meaningful here (no common channel axis) */
  overall: SpikeStatsSummary;
}

/** "model.layers.3.mlp.down_proj" -> "mlp.down_proj". */
export function projectionType(name: string): string {
  const parts = name.split('.');
  return parts[0] === 'model' && parts[1] === 'layers' ? parts.slice(3).join('.') : name;
}

/**
 * Runs the windows with W8ASpike at threshold k, collects the counts of every projection input
 * (lm_head stays float) in a SpikeStatsCollector and restores float mode. The model's weights are
 * not changed.
 */
export function measureSpiking(
  model: SpikingBrainModel,
  windows: readonly number[][],
  k: number,
  o: { batchSize?: number; maxBin?: number; window?: number; groupSize?: number } = {},
): RealSpikingResult {
  const collector = new SpikeStatsCollector({ maxBin: o.maxBin ?? 32, window: o.window ?? 3 });
  model.setW8ASpike(true, { k, groupSize: o.groupSize });
  model.setSpikeCountHook((name, c) => collector.add(name, c));
  let loss: number;
  try {
    loss = evaluateLoss(model, windows, o.batchSize ?? 16);
  } finally {
    model.setSpikeCountHook(null);
    model.setW8ASpike(false);
  }
  const { byName, overall } = collector.report();
  const types = new Map<string, string[]>();
  for (const name of collector.names()) {
    const t = projectionType(name);
    types.set(t, [...(types.get(t) ?? []), name]);
  }
  const byType: Record<string, SpikeStatsSummary> = {};
  for (const [t, names] of types) byType[t] = collector.summary(names);
  return { k, loss, byName, byType, overall };
}
