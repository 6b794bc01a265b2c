/**
 * The presets registry (lib/models/registry.ts; report §2.2, §5.3, App. B): every preset validates,
 * is listed once, and keeps its values (notebooks 04, 06 and 08 build their claims on them, and CI
 * compares those claims exactly); the efficiency configs are the registry's.
 */
import { describe, expect, it } from 'vitest';
import * as efficiency from '../../lib/efficiency/configs.js';
import * as presets from '../../lib/models/presets.js';
import {
  configToJSON,
  parameterCount,
  preset,
  PRESET_NAMES,
  PRESETS,
  resolveConfig,
  validateConfig,
  type ModelConfig,
} from '../../lib/index.js';

const odd = (n: number) => Array.from({ length: n }, (_, i) => 2 * i + 1);
const all = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Values from each model's config.json or the report's text (assumed ones as presets.ts states them). */
const PINNED: Record<string, Partial<ModelConfig> & { parameters: number }> = {
  'spikingbrain-7b': {
    hidden_size: 3584,
    num_hidden_layers: 28,
    num_key_value_heads: 4,
    intermediate_size: 18944,
    vocab_size: 152064,
    sliding_window: 4096,
    attn_layers: odd(14),
    rope_theta: 1e6,
    norm_eps: 1e-6,
    qkv_bias: true,
    parameters: 7_616_542_976,
  },
  'qwen2.5-7b': { hidden_size: 3584, sliding_window: null, attn_layers: all(28), tie_word_embeddings: false, parameters: 7_615_616_512 },
  'spikingbrain-76b': {
    hybrid: 'intra',
    attn_layers: [],
    full_attn_layers: [6, 13, 20, 27],
    num_sink_tokens: 128,
    num_experts: 16,
    num_experts_per_tok: 1,
    num_shared_experts: 1,
    mlp_only_layers: [0, 1, 2, 4, 6, 8, 10],
    la_gate: 'key',
    la_feature_map: 'sigmoid',
    parameters: 76_530_682_368,
  },
  'llama-3.2-1b': {
    attn_layers: all(16),
    num_attention_heads: 32,
    num_key_value_heads: 8,
    hidden_size: 2048,
    intermediate_size: 8192,
    num_hidden_layers: 16,
    vocab_size: 128256,
    qkv_bias: false,
    tie_word_embeddings: true,
    norm_eps: 1e-5,
    rope_theta: 500000,
    parameters: 1_235_814_400,
  },
  'spikingbrain-1b': { hidden_size: 2048, sliding_window: 4096, attn_layers: odd(8), qkv_bias: true, parameters: 1_236_195_840 },
  'qwen3-1.7b': {
    vocab_size: 151936,
    num_hidden_layers: 28,
    num_attention_heads: 16,
    intermediate_size: 6144,
    max_position_embeddings: 40960,
    sliding_window: null,
    parameters: 1_720_567_808,
  },
  'qwen3-1.7b-hybrid-1:1': { sliding_window: 4096, attn_layers: odd(14), parameters: 1_721_329_408 },
  'qwen3-1.7b-hybrid-1:3': { sliding_window: 4096, attn_layers: all(28).filter((i) => i % 4 !== 0), parameters: 1_720_948_608 },
  tiny: {
    vocab_size: 256,
    hidden_size: 128,
    num_hidden_layers: 4,
    sliding_window: 16,
    attn_layers: [1, 3],
    rope_theta: 1e4,
    parameters: 860_480,
  },
  'tiny-full': { sliding_window: null, attn_layers: all(4), parameters: 854_144 },
  'tiny-intra': {
    hybrid: 'intra',
    full_attn_layers: [3],
    num_experts: 4,
    moe_intermediate_size: 128,
    mlp_only_layers: [0],
    parameters: 1_284_992,
  },
  small: {
    hidden_size: 256,
    num_hidden_layers: 6,
    intermediate_size: 768,
    sliding_window: 64,
    attn_layers: [1, 3, 5],
    parameters: 4_875_072,
  },
};

describe('the presets registry', () => {
  it('every preset gives a fresh config that validates and resolves to itself', () => {
    for (const name of PRESET_NAMES) {
      const c = PRESETS[name].config();
      expect(() => validateConfig(c), name).not.toThrow();
      expect(resolveConfig(c), name).toEqual(c);
      c.attn_layers.push(99);
      expect(PRESETS[name].config().attn_layers, name).not.toContain(99);
    }
  });

  it('pins the values of every preset', () => {
    expect(Object.keys(PINNED).sort()).toEqual([...PRESET_NAMES].sort());
    for (const [name, { parameters, ...fields }] of Object.entries(PINNED)) {
      const c = preset(name).config();
      expect(c, name).toMatchObject(fields);
      expect(parameterCount(c).total, name).toBe(parameters);
    }
  });

  it('lists each preset once: no two entries give the same config, every factory of presets.ts is listed', () => {
    const configs = PRESET_NAMES.map((n) => JSON.stringify(configToJSON(PRESETS[n].config())));
    expect(new Set(configs).size).toBe(configs.length);
    const listed = new Set<unknown>(Object.values(PRESETS).map((p) => p.config));
    for (const [name, f] of Object.entries(presets)) if (f.length === 0) expect(listed.has(f), name).toBe(true);
  });

  it('gives each preset its labels and report section', () => {
    for (const name of PRESET_NAMES) {
      const p = preset(name);
      expect(p.name).toBe(name);
      for (const field of [p.label, p.short, p.section]) expect(field.length, name).toBeGreaterThan(0);
      expect(['report', 'laptop']).toContain(p.scale);
    }
    expect(() => preset('gpt-5')).toThrow(/preset must be one of spikingbrain-7b, .*small; got "gpt-5"/);
  });

  it("the efficiency configs are the registry's", () => {
    expect(efficiency.llama32_1BConfig()).toEqual(PRESETS['llama-3.2-1b'].config());
    expect(efficiency.spikingBrain1BAssumedConfig()).toEqual(PRESETS['spikingbrain-1b'].config());
    expect(efficiency.qwen3_1_7BConfig()).toEqual(PRESETS['qwen3-1.7b'].config());
    expect(efficiency.qwen3_1_7BHybridConfig(1)).toEqual(PRESETS['qwen3-1.7b-hybrid-1:1'].config());
    expect(efficiency.qwen3_1_7BHybridConfig(3)).toEqual(PRESETS['qwen3-1.7b-hybrid-1:3'].config());
  });
});

describe('validateConfig names a bad enumerated field with a RangeError', () => {
  it('lists the allowed values and what it got', () => {
    const c = { ...PRESETS.tiny.config(), hidden_act: 'gelu' } as unknown as ModelConfig;
    expect(() => validateConfig(c)).toThrow(RangeError);
    expect(() => validateConfig(c)).toThrow("config.hidden_act must be one of 'swish', 'silu'; got \"gelu\"");
    const b = { ...PRESETS.tiny.config(), qkv_bias: 'yes' } as unknown as ModelConfig;
    expect(() => validateConfig(b)).toThrow(/config.qkv_bias must be one of true, false; got "yes"/);
  });
});
