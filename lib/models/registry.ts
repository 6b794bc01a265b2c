/**
 * The one list of model presets (report §2.2, §5.3, App. B, and our laptop sizes): each preset once,
 * by name, with a menu label, a short label for tables and legends, the report section it comes from
 * and its config factory (presets.ts). lib/efficiency and the site's context calculator read this
 * list; the calculator's menu is every preset of scale 'report'.
 */
import type { ModelConfig } from './config.js';
import {
  llama32_1BConfig,
  qwen25_7BConfig,
  qwen3_1_7BConfig,
  qwen3_1_7BHybridConfig,
  smallConfig,
  spikingBrain1BAssumedConfig,
  spikingBrain76BConfig,
  spikingBrain7BConfig,
  tinyConfig,
  tinyFullAttentionConfig,
  tinyIntraConfig,
} from './presets.js';

export interface PresetEntry {
  /** for a menu: the model and where its numbers come from */
  label: string;
  /** for a table header or a chart legend */
  short: string;
  /** the report section (and figure or table) the config comes from */
  section: string;
  /** 'report': a model the report measures, at full size; 'laptop': ours, small enough to train here */
  scale: 'report' | 'laptop';
  /** a fresh, validated config */
  config: () => ModelConfig;
}

/** Every preset by name. */
export const PRESETS = {
  'spikingbrain-7b': {
    label: 'SpikingBrain-7B (config.json)',
    short: 'SpikingBrain-7B',
    section: '§2.2, Fig. 3',
    scale: 'report',
    config: spikingBrain7BConfig,
  },
  'qwen2.5-7b': {
    label: 'Qwen2.5-7B shape (full attention)',
    short: 'Qwen2.5-7B shape',
    section: '§2.2, §5.2 (Table 7)',
    scale: 'report',
    config: qwen25_7BConfig,
  },
  'spikingbrain-76b': {
    label: 'SpikingBrain-76B (our reading of the report)',
    short: 'SpikingBrain-76B',
    section: '§2.2, Fig. 3',
    scale: 'report',
    config: spikingBrain76BConfig,
  },
  'llama-3.2-1b': { label: 'Llama-3.2-1B', short: 'Llama-3.2-1B', section: '§5.3, Fig. 7', scale: 'report', config: llama32_1BConfig },
  'spikingbrain-1b': {
    label: 'SpikingBrain-1B (assumed dims)',
    short: 'SpikingBrain-1B (assumed)',
    section: '§5.3, Fig. 7',
    scale: 'report',
    config: spikingBrain1BAssumedConfig,
  },
  'qwen3-1.7b': { label: 'Qwen3-1.7B', short: 'Qwen3-1.7B', section: 'App. B, Table 13', scale: 'report', config: qwen3_1_7BConfig },
  'qwen3-1.7b-hybrid-1:1': {
    label: 'Qwen3-1.7B as a GLA/SWA hybrid, 1:1',
    short: 'Qwen3-1.7B hybrid 1:1',
    section: 'App. B, Table 13',
    scale: 'report',
    config: () => qwen3_1_7BHybridConfig(1),
  },
  'qwen3-1.7b-hybrid-1:3': {
    label: 'Qwen3-1.7B as a GLA/SWA hybrid, 1:3',
    short: 'Qwen3-1.7B hybrid 1:3',
    section: 'App. B.2, Table 13',
    scale: 'report',
    config: () => qwen3_1_7BHybridConfig(3),
  },
  tiny: { label: 'tiny inter-layer hybrid', short: 'tiny', section: '§2.2 (7B-shaped)', scale: 'laptop', config: tinyConfig },
  'tiny-full': {
    label: 'tiny full-attention Transformer',
    short: 'tiny full',
    section: '§2.2 (Qwen-shaped)',
    scale: 'laptop',
    config: tinyFullAttentionConfig,
  },
  'tiny-intra': {
    label: 'tiny intra-layer hybrid MoE',
    short: 'tiny intra',
    section: '§2.2, §2.1.2 (76B-shaped)',
    scale: 'laptop',
    config: tinyIntraConfig,
  },
  small: { label: 'small inter-layer hybrid', short: 'small', section: '§2.2 (7B-shaped)', scale: 'laptop', config: smallConfig },
} as const satisfies Record<string, PresetEntry>;

export type PresetName = keyof typeof PRESETS;

/** Every preset name, in the registry's order. */
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** A preset by name; an unknown name is an error listing the known ones. */
export function preset(name: string): PresetEntry & { name: PresetName } {
  if (!Object.hasOwn(PRESETS, name)) throw new RangeError(`preset must be one of ${PRESET_NAMES.join(', ')}; got ${JSON.stringify(name)}`);
  return { name: name as PresetName, ...PRESETS[name as PresetName] };
}
