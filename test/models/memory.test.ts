/**
 * Memory of a training step grows linearly with the length for the GLA/SWA hybrid (issue 12): the
 * chunked GLA keeps per-chunk scores and states, the fused SWA only the visible band of each query
 * block. Peak bytes from tf.profile (deterministic), a small hybrid at L = 1024 and 2048.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SpikingBrainModel, tinyConfig, trainStep, type ModelConfig } from '../../lib/index.js';
import { useWasmBackend } from '../helpers/tfjs.js';

useWasmBackend();

const small: Partial<ModelConfig> = {
  ...tinyConfig(),
  hidden_size: 32,
  num_attention_heads: 2,
  num_key_value_heads: 1,
  intermediate_size: 64,
  vocab_size: 64,
  num_hidden_layers: 2,
  attn_layers: [1],
  sliding_window: 8,
};

async function peakBytes(config: Partial<ModelConfig>, L: number): Promise<number> {
  const model = new SpikingBrainModel(config, { seed: 1 });
  const opt = tf.train.adam(1e-3);
  const row = Array.from({ length: L }, (_, i) => (i * 5) % 64);
  trainStep(model, opt, [row], [row]);
  const before = tf.memory().numBytes;
  const info = await tf.profile(() => {
    trainStep(model, opt, [row], [row]);
  });
  model.dispose();
  opt.dispose();
  return info.peakBytes - before;
}

describe('training memory against length', () => {
  it('the hybrid: doubling L at most doubles the step memory (+10 %)', async () => {
    const a = await peakBytes(small, 1024);
    const b = await peakBytes(small, 2048);
    expect(b / a).toBeGreaterThan(1.5);
    expect(b / a).toBeLessThan(2.2);
  }, 120_000);
});
