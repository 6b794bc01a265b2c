/**
 * The context calculator's arithmetic (report §5.2, Table 7; build time and browser): decoding memory,
 * prefill FLOPs and an H100 roofline for a config against context, from lib/models counts and the
 * lib/efficiency cost model. No tfjs: everything is arithmetic on the config. A pasted config.json is
 * checked against stated limits before any counting (the counts grow faster than linearly with the
 * number of layers: 100 000 layers would freeze the tab), and must name the fields the counts need: an
 * empty object is an error, not SpikingBrain-7B.
 */
import { configFromJSON, SHAPE_FIELDS, type ModelConfig } from '../../lib/models/config.js';
import { inferenceStateBytes, parameterCount } from '../../lib/models/counts.js';
import { describePlan } from '../../lib/models/plan.js';
import { PRESETS, type PresetEntry } from '../../lib/models/registry.js';
import { decodeBytes, H100_SXM, prefillFlops, rooflineSeconds } from '../../lib/efficiency/cost.js';

/** The menu: every full-size preset of the registry (lib/models/registry.ts), in its order. */
export const CALCULATOR_PRESETS: Record<string, PresetEntry> = Object.fromEntries(
  Object.entries(PRESETS).filter(([, p]) => p.scale === 'report'),
);

/** The column every config is compared with. */
export const BASELINE = { name: 'Qwen2.5-7B', config: PRESETS['qwen2.5-7b'].config } as const;

/** The form's state when the page loads. */
export const INITIAL = { preset: 'spikingbrain-7b', log2Context: 20, gpus: 32 } as const;

/** The memory chart's axes: GiB on a log scale against context. */
export const MEMORY_CHART = {
  xLabel: 'context (tokens)',
  yLabel: 'decoding state (GiB, bf16)',
  xType: 'log',
  yType: 'log',
  width: 600,
} as const;

export interface ContextReadout {
  plan: string;
  parameters: number;
  stateBytes: number;
  prefillPflop: number;
  prefillSeconds: number;
  decodeBytesPerToken: number;
}

/** The select's value that means "use the config.json pasted below". */
export const PASTED = 'pasted';

/** Fields a pasted config.json must give (the library would otherwise fill SpikingBrain-7B's). */
export const REQUIRED_FIELDS = SHAPE_FIELDS;

/** Upper limits on a pasted config's sizes (stated beside the widget), and on the text itself. */
export const CONFIG_LIMITS: Record<string, number> = {
  num_hidden_layers: 512,
  hidden_size: 65_536,
  intermediate_size: 524_288,
  moe_intermediate_size: 524_288,
  num_attention_heads: 1024,
  num_key_value_heads: 1024,
  vocab_size: 4_194_304,
  num_experts: 1024,
  num_experts_per_tok: 1024,
  num_shared_experts: 64,
  sliding_window: 2 ** 22,
  num_sink_tokens: 65_536,
  gate_low_rank_dim: 65_536,
};
export const MAX_JSON_CHARS = 100_000;
export const GPU_LIMITS = { min: 1, max: 1024, integer: true } as const;
export const LOG2_CONTEXT_LIMITS = { min: 10, max: 22, integer: true } as const;

/** A pasted config.json, checked (syntax, required fields, limits) before the library reads it. */
export function pastedConfig(json: string): ModelConfig {
  const text = json.trim();
  if (text === '') throw new RangeError(`config.json is empty: paste a config.json, or choose a preset`);
  if (text.length > MAX_JSON_CHARS)
    throw new RangeError(
      `config.json is ${text.length.toLocaleString('en-US')} characters; at most ${MAX_JSON_CHARS.toLocaleString('en-US')}`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new SyntaxError(`config.json is not valid JSON: ${(e as Error).message}`, { cause: e });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new TypeError('config.json must be a JSON object like {"hidden_size": 3584, ...}');
  const o = parsed as Record<string, unknown>;
  const missing = REQUIRED_FIELDS.filter((k) => o[k] === undefined);
  if (missing.length)
    throw new RangeError(
      `config.json is missing ${missing.join(', ')} (the calculator needs ${REQUIRED_FIELDS.join(', ')}; it fills in no model's values)`,
    );
  for (const [k, max] of Object.entries(CONFIG_LIMITS)) {
    const v = o[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max)
      throw new RangeError(`config.${k} must be an integer in [0, ${max.toLocaleString('en-US')}] here, got ${JSON.stringify(v)}`);
  }
  return configFromJSON(o);
}

/** A preset by key, or (preset = PASTED) the pasted config.json. The two never mix. */
export function calculatorConfig(preset: string, json?: string): ModelConfig {
  if (preset === PASTED) return pastedConfig(json ?? '');
  const p = CALCULATOR_PRESETS[preset];
  if (!p) throw new TypeError(`preset must be one of ${[...Object.keys(CALCULATOR_PRESETS), PASTED].join(', ')}; got ${preset}`);
  return p.config();
}

export function contextReadout(c: ModelConfig, context: number, gpus: number): ContextReadout {
  if (!(Number.isInteger(gpus) && gpus >= GPU_LIMITS.min && gpus <= GPU_LIMITS.max))
    throw new RangeError(`H100s must be an integer in [${GPU_LIMITS.min}, ${GPU_LIMITS.max}], got ${gpus}`);
  if (!(Number.isInteger(context) && context >= 1 && context <= 2 ** LOG2_CONTEXT_LIMITS.max))
    throw new RangeError(`context must be an integer in [1, ${2 ** LOG2_CONTEXT_LIMITS.max}], got ${context}`);
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
  for (let n = 1024; n <= maxContext; n *= 2)
    for (const c of configs) rows.push({ x: n, y: inferenceStateBytes(c.config, n) / 2 ** 30, series: c.name });
  return rows;
}

export const formatBytes = (b: number): string => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(2)} MiB`);

/** What the widget shows for one choice of inputs, computed the same way at build time and in the browser. */
export interface CalculatorView {
  /** the chosen config's column header and legend entry */
  name: string;
  /** every readout, formatted, by its data-out name ('q-…': the baseline's) */
  cells: Record<string, string>;
  /** the memory chart's rows */
  rows: ReturnType<typeof memoryCurve>;
}

/** The chosen config's column header: the preset's short label, or "pasted config". */
export const columnName = (preset: string): string => (preset === PASTED ? 'pasted config' : (CALCULATOR_PRESETS[preset]?.short ?? preset));

export function calculatorView(preset: string, json: string, context: number, gpus: number): CalculatorView {
  const name = columnName(preset);
  const config = calculatorConfig(preset, json);
  const baseline = BASELINE.config();
  const r = contextReadout(config, context, gpus);
  const cells: Record<string, string> = { plan: r.plan };
  for (const [prefix, x] of [
    ['', r],
    ['q-', contextReadout(baseline, context, gpus)],
  ] as const) {
    cells[`${prefix}parameters`] = `${(x.parameters / 1e9).toFixed(2)} B`;
    cells[`${prefix}state`] = formatBytes(x.stateBytes);
    cells[`${prefix}pflop`] = `${x.prefillPflop.toFixed(2)} PFLOP`;
    cells[`${prefix}seconds`] = `${x.prefillSeconds.toFixed(2)} s`;
    cells[`${prefix}decode`] = formatBytes(x.decodeBytesPerToken);
  }
  const rows = memoryCurve(
    [
      { name, config },
      { name: BASELINE.name, config: baseline },
    ],
    2 ** LOG2_CONTEXT_LIMITS.max,
  );
  return { name, cells, rows };
}
