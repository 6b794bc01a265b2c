import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  blockPlan,
  configFromJSON,
  describePlan,
  inferenceStateBytes,
  kvCacheBytes,
  parameterCount,
  qwen25_7BConfig,
  recurrentStateBytes,
  resolveConfig,
  spikingBrain76BConfig,
  spikingBrain7BConfig,
  swaWindowKeys,
  tinyConfig,
  PRESETS,
} from '../../lib/index.js';

// W8ASpike/config.json of github.com/BICLab/SpikingBrain-7B
const reference = JSON.parse(readFileSync(new URL('./fixtures/spikingbrain-7b-config.json', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('configFromJSON(json)', () => {
  it('reads the reference SpikingBrain-7B config.json into the 7B preset, field for field', () => {
    const c = configFromJSON(reference);
    expect(c).toEqual(spikingBrain7BConfig());
    for (const k of [
      'hidden_size',
      'num_attention_heads',
      'num_key_value_heads',
      'attn_layers',
      'sliding_window',
      'intermediate_size',
      'vocab_size',
      'rope_theta',
      'norm_eps',
      'num_hidden_layers',
    ]) {
      expect(c[k as keyof typeof c]).toEqual(reference[k]);
    }
  });
  it('reads a Qwen2-style config (rms_norm_eps, use_sliding_window false, no attn_layers) as full attention everywhere', () => {
    const c = configFromJSON({
      model_type: 'qwen2',
      hidden_size: 64,
      num_hidden_layers: 3,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      intermediate_size: 96,
      vocab_size: 50,
      rms_norm_eps: 1e-5,
      use_sliding_window: false,
      sliding_window: 131072,
      torch_dtype: 'bfloat16',
    });
    expect(c.norm_eps).toBe(1e-5);
    expect(c.sliding_window).toBeNull();
    expect(blockPlan(c).map((p) => p.mixer)).toEqual(['full', 'full', 'full']);
  });
});

describe('resolveConfig(partial)', () => {
  it('fills the reference defaults, with attn_layers the odd layers of num_hidden_layers', () => {
    const c = resolveConfig({
      num_hidden_layers: 6,
      hidden_size: 64,
      num_attention_heads: 4,
      num_key_value_heads: 2,
      vocab_size: 10,
      intermediate_size: 32,
    });
    expect(c.attn_layers).toEqual([1, 3, 5]);
    expect(c.rope_theta).toBe(1e6);
    expect(c.sliding_window).toBe(4096);
  });
  it('rejects inconsistent configs, naming the field', () => {
    expect(() => resolveConfig({ hidden_size: 100, num_attention_heads: 3 })).toThrow(
      /config.hidden_size \(100\) must be divisible by num_attention_heads \(3\)/,
    );
    expect(() => resolveConfig({ num_key_value_heads: 5 })).toThrow(
      /config.num_attention_heads \(28\) must be a multiple of num_key_value_heads \(5\)/,
    );
    expect(() => resolveConfig({ attn_layers: [1, 28] })).toThrow(/config.attn_layers entries must be integers in \[0, 27\]/);
    expect(() => resolveConfig({ use_short_conv: true })).toThrow(/use_short_conv = true is not supported/);
    expect(() => resolveConfig({ la_gate: 'key' })).toThrow(/la_gate 'key' .* needs la_feature_map 'sigmoid'/);
    expect(() => resolveConfig({ hiden_size: 3 } as never)).toThrow(/unknown config field 'hiden_size'/);
  });
});

describe('blockPlan(config)', () => {
  it('SpikingBrain-7B: GLA on even layers, SWA with 4097 keys (window_size (4096, 0)) on odd ones', () => {
    const plan = blockPlan(spikingBrain7BConfig());
    expect(plan.filter((p) => p.mixer === 'gla').map((p) => p.index)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26]);
    expect(plan.filter((p) => p.mixer === 'swa').length).toBe(14);
    expect(swaWindowKeys(spikingBrain7BConfig())).toBe(4097);
  });
  it('SpikingBrain-76B: LA + FA on layers 7, 14, 21, 28, LA + SWA elsewhere, dense FFN on 1, 2, 3, 5, 7, 9, 11 (1-based)', () => {
    const plan = blockPlan(spikingBrain76BConfig());
    expect(plan.filter((p) => p.mixer === 'gla+full').map((p) => p.index + 1)).toEqual([7, 14, 21, 28]);
    expect(plan.filter((p) => p.ffn === 'dense').map((p) => p.index + 1)).toEqual([1, 2, 3, 5, 7, 9, 11]);
    expect(describePlan(spikingBrain76BConfig())).toBe('28 blocks: 24 gla+swa, 4 gla+full; 7 dense, 21 moe FFN');
  });
});

describe('parameterCount(config) and memory, without allocating weights', () => {
  it('counts Qwen2.5-7B at its published 7,615,616,512 and SpikingBrain-7B at that plus the GLA gates and norms', () => {
    expect(parameterCount(qwen25_7BConfig()).total).toBe(7_615_616_512);
    // per GLA layer: gk_proj 3584·16 + 16·512 + 512, g_norm 128
    expect(parameterCount(spikingBrain7BConfig()).total).toBe(7_615_616_512 + 14 * (3584 * 16 + 16 * 512 + 512 + 128));
  });
  it('SpikingBrain-76B reading: about 76B parameters with about 12B active (report: 12B/76B)', () => {
    const n = parameterCount(spikingBrain76BConfig());
    expect(n.total / 1e9).toBeCloseTo(76.5, 1);
    expect(n.active / 1e9).toBeCloseTo(12.4, 1);
  });
  it('SpikingBrain-7B keeps constant state: 14 GLA states of 28·128·128 and 14 SWA buffers of 4096 tokens', () => {
    const c = spikingBrain7BConfig();
    expect(recurrentStateBytes(c)).toBe(14 * 28 * 128 * 128 * 2);
    expect(kvCacheBytes(c, 4096)).toBe(14 * 2 * 4 * 128 * 4096 * 2);
    expect(kvCacheBytes(c, 2 ** 20)).toBe(kvCacheBytes(c, 4096));
    expect(inferenceStateBytes(c, 2 ** 20, { bytesPerElement: 4 })).toBe(2 * inferenceStateBytes(c, 2 ** 20));
  });
  it('Qwen2.5-7B KV cache grows linearly: 57,344 bytes per token in bf16, 56 GiB at 1M (2^20) tokens', () => {
    const c = qwen25_7BConfig();
    expect(kvCacheBytes(c, 1)).toBe(57_344);
    expect(kvCacheBytes(c, 2 ** 20)).toBe(57_344 * 2 ** 20);
    expect(kvCacheBytes(c, 2 ** 20) / 2 ** 30).toBe(56);
    expect(recurrentStateBytes(c)).toBe(0);
  });
  it('rejects bad memory options', () => {
    expect(() => kvCacheBytes(tinyConfig(), -1)).toThrow(/context must be an integer >= 0, got -1/);
    expect(() => recurrentStateBytes(tinyConfig(), { batch: 0 })).toThrow(/batch must be an integer >= 1/);
  });
  it('every preset resolves', () => {
    for (const p of Object.values(PRESETS)) expect(() => p.config()).not.toThrow();
  });
});
