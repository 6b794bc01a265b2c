import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import {
  SpikingBrainModel,
  decodeSafetensors,
  loadSafetensors,
  loadStateDict,
  modelFromSafetensors,
  saveSafetensors,
  stateDict,
  tinyConfig,
  tinyIntraConfig,
} from '../../lib/index.js';
import { leakedTensors, useWasmBackend } from '../helpers/tfjs.js';
import { maxAbsDiff } from '../helpers/close.js';

useWasmBackend();

const ids = [[1, 2, 3, 250, 17, 9]];

describe('saveSafetensors / loadSafetensors (reference names and layout)', () => {
  it('round-trips: save, load into a fresh model with other weights, same logits', () => {
    for (const config of [tinyConfig(), tinyIntraConfig()]) {
      const a = new SpikingBrainModel(config, { seed: 1 });
      const b = new SpikingBrainModel(config, { seed: 2 });
      const bytes = saveSafetensors(a);
      tf.tidy(() => {
        expect(maxAbsDiff(a.forward(ids), b.forward(ids))).toBeGreaterThan(1e-4);
      });
      expect(leakedTensors(() => loadSafetensors(b, bytes))).toBe(0);
      tf.tidy(() => {
        expect(maxAbsDiff(a.forward(ids), b.forward(ids))).toBe(0);
      });
      const c = modelFromSafetensors(bytes);
      expect(c.config).toEqual(a.config);
      tf.tidy(() => {
        expect(maxAbsDiff(a.forward(ids), c.forward(ids))).toBe(0);
      });
      [a, b, c].forEach((m) => m.dispose());
    }
  });
  it('stores projections [out, in] as PyTorch does, under the reference names', () => {
    const m = new SpikingBrainModel(tinyConfig());
    const file = decodeSafetensors(saveSafetensors(m, { dtype: 'BF16' }));
    expect(file.tensors['model.layers.0.attn.q_proj.weight']!.shape).toEqual([128, 128]);
    expect(file.tensors['model.layers.0.attn.k_proj.weight']!.shape).toEqual([64, 128]);
    expect(file.tensors['model.layers.0.attn.gk_proj.0.weight']!.shape).toEqual([16, 128]);
    expect(file.tensors['model.layers.0.attn.gk_proj.1.weight']!.shape).toEqual([64, 16]);
    expect(file.tensors['model.layers.1.mlp.down_proj.weight']!.shape).toEqual([128, 384]);
    expect(file.tensors['model.embeddings.weight']!.shape).toEqual([256, 128]);
    expect(file.tensors['lm_head.weight']!.shape).toEqual([256, 128]);
    expect(file.tensors['model.layers.0.attn.q_proj.weight']!.dtype).toBe('BF16');
    expect(JSON.parse(file.metadata.config!).attn_layers).toEqual([1, 3]);
    m.dispose();
  });
  it('rejects missing, unexpected or misshapen weights, naming them', () => {
    const m = new SpikingBrainModel(tinyConfig());
    const sd = stateDict(m);
    const { ['model.norm.weight']: norm, ...rest } = sd;
    expect(() => loadStateDict(m, { ...rest, 'model.extra': norm! })).toThrow(/missing model.norm.weight; unexpected model.extra/);
    expect(loadStateDict(m, rest, { strict: false }).missing).toEqual(['model.norm.weight']);
    const bad = tf.zeros([3]);
    expect(() => loadStateDict(m, { ...sd, 'model.norm.weight': bad })).toThrow(/expected model.norm.weight of shape \[128\], got \[3\]/);
    tf.dispose([...Object.values(sd), bad]);
    m.dispose();
  });
});
