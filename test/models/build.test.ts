import { describe, expect, it } from 'vitest';
import { SpikingBrainModel, parameterCount, tinyConfig, tinyFullAttentionConfig, tinyIntraConfig } from '../../lib/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

describe('new SpikingBrainModel(config)', () => {
  it('allocates exactly parameterCount(config).total for every tiny preset', () => {
    for (const c of [tinyConfig(), tinyFullAttentionConfig(), tinyIntraConfig(), { ...tinyConfig(), tie_word_embeddings: true }]) {
      const m = new SpikingBrainModel(c);
      expect(m.numParameters()).toBe(parameterCount(m.config).total);
      m.dispose();
    }
  });
  it('names parameters as the reference checkpoint does (SpikingBrain-7B modeling_gla_swa.py)', () => {
    const m = new SpikingBrainModel(tinyConfig());
    const names = m.parameters().map(([n]) => n);
    expect(new Set(names).size).toBe(names.length);
    for (const n of [
      'model.embeddings.weight',
      'model.norm.weight',
      'lm_head.weight',
      'model.layers.0.attn_norm.weight',
      'model.layers.0.mlp_norm.weight',
      'model.layers.0.attn.q_proj.weight',
      'model.layers.0.attn.q_proj.bias',
      'model.layers.0.attn.k_proj.bias',
      'model.layers.0.attn.v_proj.weight',
      'model.layers.0.attn.gk_proj.0.weight',
      'model.layers.0.attn.gk_proj.1.weight',
      'model.layers.0.attn.gk_proj.1.bias',
      'model.layers.0.attn.g_norm.weight',
      'model.layers.0.attn.o_proj.weight',
      'model.layers.1.attn.q_proj.bias',
      'model.layers.1.attn.o_proj.weight',
      'model.layers.1.mlp.gate_proj.weight',
      'model.layers.1.mlp.up_proj.weight',
      'model.layers.1.mlp.down_proj.weight',
    ])
      expect(names).toContain(n);
    expect(names).not.toContain('model.layers.0.attn.o_proj.bias');
    expect(names).not.toContain('model.layers.1.attn.gk_proj.0.weight');
    m.dispose();
  });
  it('is reproducible from its seed and differs across seeds', () => {
    const [a, b, c] = [
      new SpikingBrainModel(tinyConfig(), { seed: 1 }),
      new SpikingBrainModel(tinyConfig(), { seed: 1 }),
      new SpikingBrainModel(tinyConfig(), { seed: 2 }),
    ];
    const w = (m: SpikingBrainModel) => Array.from(m.blocks[0]!.attn.parameters()[0]![1].dataSync().slice(0, 8));
    expect(w(a)).toEqual(w(b));
    expect(w(a)).not.toEqual(w(c));
    [a, b, c].forEach((m) => m.dispose());
  });
  it('lists its projections for W8ASpike and statistics, lm_head excluded', () => {
    const m = new SpikingBrainModel(tinyConfig());
    const names = m.linears().map((l) => l.name);
    expect(names).toContain('model.layers.0.attn.gk_proj.1');
    expect(names).toContain('model.layers.3.mlp.down_proj');
    expect(names).not.toContain('lm_head');
    // GLA: q k v gk0 gk1 o; SWA: q k v o; FFN: 3 per block
    expect(names.length).toBe(2 * 6 + 2 * 4 + 4 * 3);
    m.dispose();
  });
});
