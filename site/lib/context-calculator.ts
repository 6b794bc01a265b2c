/**
 * The context calculator's arithmetic (build time and browser): decoding memory, prefill FLOPs and an
 * H100 roofline for a config against context, from lib/models counts and the lib/efficiency cost
 * model. No tfjs: everything is arithmetic on the config.
 */
import { configFromJSON, type ModelConfig } from '../../lib/models/config.js';
import { inferenceStateBytes, parameterCount } from '../../lib/models/counts.js';
import { describePlan } from '../../lib/models/plan.js';
import { qwen25_7BConfig, spikingBrain7BConfig, spikingBrain76BConfig } from '../../lib/models/presets.js';
import { decodeBytes, H100_SXM, prefillFlops, rooflineSeconds } from '../../lib/efficiency/cost.js';
import { llama32_1BConfig, spikingBrain1BAssumedConfig } from '../../lib/efficiency/configs.js';

export const CALCULATOR_PRESETS: Record<string, { label: string; config: () => ModelConfig }> = {
  'spikingbrain-7b': { label: 'SpikingBrain-7B (config.json)', config: spikingBrain7BConfig },
  'qwen2.5-7b': { label: 'Qwen2.5-7B shape (full attention)', config: qwen25_7BConfig },
  'spikingbrain-76b': { label: 'SpikingBrain-76B (our reading of the report)', config: spikingBrain76BConfig },
  'llama-3.2-1b': { label: 'Llama-3.2-1B', config: llama32_1BConfig },
  'spikingbrain-1b': { label: 'SpikingBrain-1B (assumed dims)', config: spikingBrain1BAssumedConfig },
};

export interface ContextReadout {
  plan: string;
  parameters: number;
  stateBytes: number;
  prefillPflop: number;
  prefillSeconds: number;
  decodeBytesPerToken: number;
}

/** A preset by key, or a pasted config.json (read with the library's configFromJSON). */
export function calculatorConfig(preset: string, json?: string): ModelConfig {
  if (json && json.trim()) return configFromJSON(JSON.parse(json) as Record<string, unknown>);
  const p = CALCULATOR_PRESETS[preset];
  if (!p) throw new TypeError(`preset must be one of ${Object.keys(CALCULATOR_PRESETS).join(', ')}; got ${preset}`);
  return p.config();
}

export function contextReadout(c: ModelConfig, context: number, gpus: number): ContextReadout {
  const flops = prefillFlops(c, context).total;
  return {
    plan: describePlan(c),
    parameters: parameterCount(c).total,
    stateBytes: inferenceStateBytes(c, context),
    prefillPflop: flops / 1e15,
    prefillSeconds: rooflineSeconds(flops, 0, H100_SXM, gpus),
    decodeBytesPerToken: decodeBytes(c, context).total,
  };
}

/** Decoding memory (GiB) against context for two configs, for the chart. */
export function memoryCurve(configs: { name: string; config: ModelConfig }[], maxContext: number) {
  const rows: { x: number; y: number; series: string }[] = [];
  for (let n = 1024; n <= maxContext; n *= 2) for (const c of configs) rows.push({ x: n, y: inferenceStateBytes(c.config, n) / 2 ** 30, series: c.name });
  return rows;
}

export const formatBytes = (b: number): string => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(1)} MiB`);
